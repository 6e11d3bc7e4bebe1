using System.Text;
using System.Text.Json;

namespace Receta.Cli.Api;

/// <summary>Turns a refusal (RFC 9457 problem details) into one readable line, naming the fields.</summary>
public static class Problems
{
    /// <summary>
    /// <c>value: 'value' must be finite.</c> for a validation problem (each field and message,
    /// joined by "; "), else the problem's title and detail with the status; else the status.
    /// </summary>
    public static string Describe(ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    var line = new StringBuilder();
                    foreach (var field in errors.EnumerateObject())
                    {
                        foreach (var message in Messages(field.Value))
                        {
                            line.Append(line.Length == 0 ? "" : "; ").Append(field.Name).Append(": ").Append(message);
                        }
                    }
                    if (line.Length > 0)
                    {
                        return line.ToString();
                    }
                }
                var title = Text(root, "title");
                var detail = Text(root, "detail");
                if (title is not null || detail is not null)
                {
                    var text = title is null ? detail! : detail is null ? title : $"{title.TrimEnd('.')}: {detail}";
                    return $"{text} (HTTP {answer.Status})";
                }
            }
        }
        catch (JsonException)
        {
        }
        return $"The server answered {answer.Status}{Reason(answer.Status)}.";
    }

    private static IEnumerable<string> Messages(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.ToString()),
        JsonValueKind.String => [value.GetString()!],
        _ => [value.ToString()],
    };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Reason(int status) => status switch
    {
        401 => " (not authenticated: run 'receta login')",
        403 => " (forbidden)",
        404 => " (not found)",
        405 => " (method not allowed)",
        429 => " (too many requests)",
        >= 500 => " (server error)",
        _ => "",
    };
}
