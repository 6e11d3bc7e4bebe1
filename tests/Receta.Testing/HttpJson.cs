using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Receta.Testing;

/// <summary>
/// JSON over HTTP the way the API speaks it (web defaults: camelCase, enums as camelCase strings),
/// and the checks every suite makes on an answer: its status, and RFC 9457 problem details.
/// </summary>
public static class HttpJson
{
    public const string ProblemContentType = "application/problem+json";
    public const string MergePatchContentType = "application/merge-patch+json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, object body) =>
        client.PostAsJsonAsync(uri, body, Options, TestContext.Current.CancellationToken);

    /// <summary>A JSON merge patch (RFC 7396): only the given members change; a null member is cleared.</summary>
    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string uri, object patch)
    {
        var content = JsonContent.Create(patch, options: Options);
        content.Headers.ContentType = new MediaTypeHeaderValue(MergePatchContentType);
        return client.PatchAsync(uri, content, TestContext.Current.CancellationToken);
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<T>(Options, TestContext.Current.CancellationToken)
            ?? throw new TestAssertionException($"The body of {Describe(response)} is JSON null.");
    }

    /// <summary>The body as a JSON tree, for checking the shape of an answer.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TestAssertionException($"The body of {Describe(response)} is not JSON ({e.Message}):\n{text}");
        }
    }

    /// <summary>Fails, showing the body, unless the answer has the expected status.</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            throw new TestAssertionException(
                $"Expected {(int)expected} {expected} but got {Describe(response)}; body:\n{(body.Length == 0 ? "(empty)" : body)}");
        }
    }

    /// <summary>
    /// Checks an RFC 9457 answer: the status, the <c>application/problem+json</c> content type, the
    /// <c>status</c> and <c>title</c> members and, when <paramref name="field"/> is given, an
    /// <c>errors</c> object naming that field. Returns the problem for further checks.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        await response.AssertStatusAsync(expected);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var problem = await response.ReadJsonAsync();
        if (contentType != ProblemContentType)
        {
            throw new TestAssertionException($"Expected content type {ProblemContentType} but got '{contentType}'; body:\n{problem}");
        }
        if (!problem.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number || status.GetInt32() != (int)expected)
        {
            throw new TestAssertionException($"Expected the problem's 'status' to be {(int)expected}; body:\n{problem}");
        }
        if (!problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
        {
            throw new TestAssertionException($"Expected the problem to have a 'title'; body:\n{problem}");
        }
        if (field is not null
            && (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object
                || !errors.TryGetProperty(field, out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0))
        {
            throw new TestAssertionException($"Expected the problem's 'errors' to name '{field}'; body:\n{problem}");
        }
        return problem;
    }

    private static string Describe(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
}
