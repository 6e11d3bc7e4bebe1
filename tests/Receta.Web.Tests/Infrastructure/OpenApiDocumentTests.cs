using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// Walks <c>/openapi/v1.json</c> as a client author's generator would: every operation of the API
/// must say who may call it, every parameter of its path, its success under a schema of its own, and
/// every refusal as problem details; every string and whole number of a schema its limits.
/// </summary>
public abstract class OpenApiDocumentTests(RecetaApp app)
{
    private static readonly HashSet<string> Anonymous =
    [
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/tokens",
        "POST /api/v1/auth/session",
        "GET /api/v1/auth/antiforgery",
    ];

    /// <summary>Schema names that say nothing of the answer: the collisions a generated client cannot tell apart.</summary>
    private static readonly string[] VagueNames = ["Response", "Request", "Item", "Fields", "JsonElement"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Document_EveryOperation_DeclaresItsNameParametersSecuritySuccessAndRefusals()
    {
        var document = await ReadDocumentAsync();
        var problems = new List<string>();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;

        foreach (var (path, method, operation) in ApiOperations(document))
        {
            count++;
            var key = $"{method.ToUpperInvariant()} {path}";
            if (!operation.TryGetProperty("operationId", out var id) || !operationIds.Add(id.GetString()!))
            {
                problems.Add($"{key}: no operationId, or one another operation has");
            }
            if (!operation.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
            {
                problems.Add($"{key}: no description");
            }
            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            foreach (var name in PathParameterNames(path))
            {
                if (!parameters.Any(p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() == name
                    && p.GetProperty("required").GetBoolean()))
                {
                    problems.Add($"{key}: path parameter '{name}' is not declared");
                }
            }
            var secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            if (secured == Anonymous.Contains(key))
            {
                problems.Add($"{key}: security should {(secured ? "not " : "")}be declared");
            }
            else if (secured)
            {
                var schemes = security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToHashSet();
                if (!schemes.SetEquals(["bearer", "cookie"]))
                {
                    problems.Add($"{key}: security should offer the bearer token and the cookie, not {string.Join(", ", schemes)}");
                }
            }

            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            var successes = responses.Keys.Where(s => s.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                problems.Add($"{key}: no success answer");
            }
            foreach (var status in successes.Where(s => s != "204" && !IsFile(responses[s], document)))
            {
                if (SchemaName(responses[status], "application/json") is not { } name || VagueNames.Contains(name))
                {
                    problems.Add($"{key}: answer {status} has no schema of its own");
                }
            }
            var refusals = responses.Keys.Where(s => s[0] is '4' or '5').ToList();
            foreach (var status in refusals)
            {
                if (SchemaName(responses[status], "application/problem+json") is not ("ProblemDetails" or "HttpValidationProblemDetails"))
                {
                    problems.Add($"{key}: answer {status} is not problem details");
                }
            }
            var hasBody = operation.TryGetProperty("requestBody", out _);
            var hasQuery = parameters.Any(p => p.GetProperty("in").GetString() == "query");
            var expected = new List<string> { "500", "503" };
            if (hasBody || hasQuery)
            {
                expected.Add("400");
            }
            if (hasBody)
            {
                expected.Add("413");
            }
            if (secured)
            {
                expected.Add("401");
            }
            if (PathParameterNames(path).Any())
            {
                expected.Add("404");
            }
            if (secured && method != "get")
            {
                expected.Add("403");
            }
            foreach (var status in expected.Where(s => !refusals.Contains(s)))
            {
                problems.Add($"{key}: answer {status} is not declared");
            }
        }

        Assert.True(count >= 60, $"Only {count} operations under /api/v1.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Document_ComputedViews_AnswerUnderTheirOwnSchemas()
    {
        var document = await ReadDocumentAsync();

        Assert.Equal("ProgressResponse", SuccessSchema(document, "/api/v1/goals/{goalId}/progress", "get"));
        Assert.Equal("RoadmapResponse", SuccessSchema(document, "/api/v1/goals/{goalId}/roadmap", "get"));
        Assert.Equal("RecipeResponse", SuccessSchema(document, "/api/v1/goals/{goalId}/recipe", "get"));
        Assert.Equal("AttemptsResponse", SuccessSchema(document, "/api/v1/goals/{goalId}/attempts", "get"));
        Assert.Equal("DashboardResponse", SuccessSchema(document, "/api/v1/dashboard", "get"));
        Assert.Equal("CreateTokenResponse", SuccessSchema(document, "/api/v1/auth/tokens", "post"));
        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(schemas, name => VagueNames.Contains(name) || name.StartsWith("AnonymousType", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_Schemas_CarryTheLimitsTheServerEnforces()
    {
        var document = await ReadDocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        JsonElement Property(string schema, string name) => schemas.GetProperty(schema).GetProperty("properties").GetProperty(name);

        Assert.Equal(200, Property("GoalFields", "title").GetProperty("maxLength").GetInt32());
        Assert.Equal(1, Property("GoalFields", "title").GetProperty("minLength").GetInt32());
        Assert.Equal(10_000, Property("GoalFields", "purpose").GetProperty("maxLength").GetInt32());
        Assert.Equal(168, Property("GoalFields", "weeklyCapacityHours").GetProperty("maximum").GetDouble());
        Assert.Equal(-1e12, Property("AddEntryRequest", "value").GetProperty("minimum").GetDouble());
        Assert.Equal(1e12, Property("AddEntryRequest", "value").GetProperty("maximum").GetDouble());
        Assert.Equal(5, Property("SkillFields", "level").GetProperty("maximum").GetInt32());
        Assert.Equal(100, Property("SkillFields", "resources").GetProperty("maxItems").GetInt32());
        Assert.Equal(1440, Property("LogWorkRequest", "minutes").GetProperty("maximum").GetInt32());
        Assert.Equal(31, Property("HabitFields", "perDays").GetProperty("maximum").GetInt32());
        Assert.Equal(100, Property("MilestoneFields", "dependsOn").GetProperty("maxItems").GetInt32());
        Assert.Equal(1000, Property("RegisterRequest", "password").GetProperty("maxLength").GetInt32());
        Assert.Equal(1000, Property("PageOfGoalResponse", "items").GetProperty("maxItems").GetInt32());

        var unbounded = new List<string>();
        foreach (var schema in schemas.EnumerateObject())
        {
            foreach (var property in schema.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : [])
            {
                var types = TypesOf(property.Value);
                if (types.Contains("string") && !property.Value.TryGetProperty("maxLength", out _) && !property.Value.TryGetProperty("enum", out _))
                {
                    unbounded.Add($"{schema.Name}.{property.Name}: no maxLength");
                }
                if (types.Contains("integer") && !(property.Value.TryGetProperty("minimum", out _) && property.Value.TryGetProperty("maximum", out _)))
                {
                    unbounded.Add($"{schema.Name}.{property.Name}: no minimum and maximum");
                }
            }
        }
        Assert.True(unbounded.Count == 0, string.Join(Environment.NewLine, unbounded));
    }

    [Fact]
    public async Task Document_SecuritySchemes_AreTheBearerTokenAndTheSessionCookie()
    {
        var document = await ReadDocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("cookie").GetProperty("type").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var client = app.CreateApiClient();
        using var response = await client.GetAsync("/openapi/v1.json", Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> ApiOperations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/api/v1/", StringComparison.Ordinal)
        from operation in path.Value.EnumerateObject()
        select (path.Name, operation.Name, operation.Value);

    private static IEnumerable<string> PathParameterNames(string path) =>
        path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'));

    private static string? SuccessSchema(JsonElement document, string path, string method)
    {
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        var success = responses.EnumerateObject().First(r => r.Name.StartsWith('2'));
        return SchemaName(success.Value, "application/json");
    }

    private static string? SchemaName(JsonElement response, string mediaType) =>
        response.TryGetProperty("content", out var content)
        && content.TryGetProperty(mediaType, out var media)
        && media.GetProperty("schema").TryGetProperty("$ref", out var reference)
            ? reference.GetString()!.Split('/')[^1]
            : null;

    /// <summary>A file to save (a CSV export, a PDF): one media type that is not JSON, its schema a string (text or binary).</summary>
    private static bool IsFile(JsonElement response, JsonElement document)
    {
        if (!response.TryGetProperty("content", out var content) || content.EnumerateObject().ToList() is not [var media]
            || media.Name.Contains("json", StringComparison.Ordinal))
        {
            return false;
        }
        var schema = media.Value.GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return TypesOf(schema).SetEquals(["string"]);
    }

    private static HashSet<string> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
        : [type.GetString()!];
}

public sealed class OpenApiDocumentTests_Sqlite(SqliteApp app) : OpenApiDocumentTests(app);

public sealed class OpenApiDocumentTests_Postgres(PostgresApp app) : OpenApiDocumentTests(app);
