using System.Text.Json;
using System.Text.Json.Nodes;

namespace Receta.Web.Infrastructure;

/// <summary>
/// RFC 7396 JSON merge patch: a PATCH merges into the resource's writable fields, and the result is
/// read and validated exactly like a creation, so there is one set of rules for both.
/// </summary>
public static class JsonMergePatch
{
    public static Outcome<T> Apply<T>(T current, JsonElement patch, JsonSerializerOptions options)
        where T : notnull
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return Failure.Invalid("body", "A merge patch must be a JSON object.");
        }
        var target = JsonSerializer.SerializeToNode(current, options) ?? new JsonObject();
        var merged = Merge(target, JsonNode.Parse(patch.GetRawText()));
        try
        {
            var result = merged.Deserialize<T>(options);
            return result is null ? Failure.Invalid("body", "The patch leaves nothing.") : result;
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path[2..] : "body";
            return Failure.Invalid(field, $"'{field}' has a value of the wrong type or out of range.");
        }
    }

    /// <summary>
    /// Declares the patch's body as <typeparamref name="TFields"/> (every field optional), the shape a
    /// client sends, instead of the raw JSON the handler reads.
    /// </summary>
    public static RouteHandlerBuilder AcceptsMergePatch<TFields>(this RouteHandlerBuilder builder)
        where TFields : notnull =>
        builder.Accepts<JsonElement>(MediaType, "application/json").WithMetadata(new MergePatchOf(typeof(TFields)));

    public const string MediaType = "application/merge-patch+json";

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else if (value is JsonObject && result[name] is JsonObject existing)
            {
                Merge(existing, value);
            }
            else
            {
                result[name] = Merge(null, value);
            }
        }
        return result;
    }
}

/// <summary>The fields a merge patch of this endpoint may carry, for the OpenAPI document.</summary>
public sealed record MergePatchOf(Type Fields);
