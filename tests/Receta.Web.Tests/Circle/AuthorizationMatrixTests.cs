using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Receta.Core.Circle;
using Receta.Testing;
using Receta.Web.Infrastructure;

namespace Receta.Web.Tests.Circle;

/// <summary>
/// Every endpoint under a goal, taken from the app's own endpoint list, times every kind of caller:
/// the exact answer each cell of recipe.md's role table calls for. An endpoint with no sample
/// request here fails the test, so a new endpoint cannot be added unchecked.
/// </summary>
public abstract class AuthorizationMatrixTests(RecetaApp app)
{
    private const string Prefix = "/api/v1/goals/{goalId}";

    /// <summary>Endpoints anyone may call, without credentials.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/tokens",
        "POST /api/v1/auth/session",
        "GET /api/v1/auth/antiforgery",
    ];

    private static readonly Dictionary<string, Sample> Samples = new()
    {
        ["GET "] = new(GoalAction.Read, HttpStatusCode.OK),
        ["PATCH "] = new(GoalAction.Edit, HttpStatusCode.OK, new { title = "Renamed" }),
        ["DELETE "] = new(GoalAction.Manage, HttpStatusCode.NoContent),
        ["GET /recipe"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["POST /entries"] = new(GoalAction.Edit, HttpStatusCode.Created, new { date = "2025-02-03", value = 2 }),
        ["GET /entries"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["DELETE /entries/{entryId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["GET /progress"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["POST /milestones"] = new(GoalAction.Edit, HttpStatusCode.Created, new { title = "Another" }),
        ["PATCH /milestones/{milestoneId}"] = new(GoalAction.Edit, HttpStatusCode.OK, new { title = "Renamed" }),
        ["DELETE /milestones/{milestoneId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["GET /roadmap"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["GET /roadmap.pdf"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["POST /skills"] = new(GoalAction.Edit, HttpStatusCode.Created, new { name = "Breathing", level = 0, targetLevel = 2 }),
        ["PATCH /skills/{skillId}"] = new(GoalAction.Edit, HttpStatusCode.OK, new { level = 2 }),
        ["DELETE /skills/{skillId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["GET /readiness"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["POST /work"] = new(GoalAction.Edit, HttpStatusCode.Created, new { date = "2025-02-03", minutes = 45 }),
        ["GET /work"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["DELETE /work/{workId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["POST /habits"] = new(GoalAction.Edit, HttpStatusCode.Created, new { title = "Stretch", times = 1, perDays = 1 }),
        ["GET /habits"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["GET /habits/{habitId}"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["PATCH /habits/{habitId}"] = new(GoalAction.Edit, HttpStatusCode.OK, new { title = "Run far" }),
        ["DELETE /habits/{habitId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["POST /habits/{habitId}/checks"] = new(GoalAction.Edit, HttpStatusCode.Created, new { date = "2025-02-03" }),
        ["DELETE /habits/{habitId}/checks/{date}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["POST /habits/{habitId}/skips"] = new(GoalAction.Edit, HttpStatusCode.Created, new { date = "2025-02-05" }),
        ["DELETE /habits/{habitId}/skips/{date}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["POST /attempts"] = new(GoalAction.Edit, HttpStatusCode.Created, new { title = "Half marathon", date = "2025-03-01", outcome = "pending" }),
        ["POST /breaks"] = new(GoalAction.Edit, HttpStatusCode.Created, new { from = "2025-08-01", to = "2025-08-14" }),
        ["GET /breaks"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["PATCH /breaks/{breakId}"] = new(GoalAction.Edit, HttpStatusCode.OK, new { note = "Exams" }),
        ["DELETE /breaks/{breakId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["GET /calibration"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["GET /entries.csv"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["GET /work.csv"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["GET /checks.csv"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["GET /attempts"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["PATCH /attempts/{attemptId}"] = new(GoalAction.Edit, HttpStatusCode.OK, new { outcome = "succeeded" }),
        ["DELETE /attempts/{attemptId}"] = new(GoalAction.Edit, HttpStatusCode.NoContent),
        ["POST /circle"] = new(GoalAction.Manage, HttpStatusCode.Created, new { email = "new-member@example.test", role = "cheerleader" }),
        ["GET /circle"] = new(GoalAction.Read, HttpStatusCode.OK),
        ["PATCH /circle/{memberId}"] = new(GoalAction.Manage, HttpStatusCode.OK, new { role = "mentor" }),
        ["DELETE /circle/{memberId}"] = new(GoalAction.Manage, HttpStatusCode.NoContent),
        ["POST /cheers"] = new(GoalAction.Cheer, HttpStatusCode.Created, new { message = "You can do it" }),
        ["GET /cheers"] = new(GoalAction.Cheer, HttpStatusCode.OK),
        ["POST /suggestions"] = new(GoalAction.Suggest, HttpStatusCode.Created, new { title = "Try intervals" }),
        ["GET /suggestions"] = new(GoalAction.Suggest, HttpStatusCode.OK),
        ["POST /suggestions/{suggestionId}/accept"] = new(GoalAction.Edit, HttpStatusCode.Created),
    };

    private static readonly string[] Roles = [.. CircleSetup.MemberRoles, "owner"];

    [Fact]
    public void EveryApiEndpoint_DeclaresItsGoalActionOrIsAuthenticatedOrAllowListed()
    {
        var problems = new List<string>();
        foreach (var endpoint in ApiEndpoints())
        {
            var isAnonymous = endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var requiresAuthorization = endpoint.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            if (endpoint.Pattern.StartsWith(Prefix, StringComparison.Ordinal)
                && endpoint.Endpoint.Metadata.GetMetadata<RequiresGoalActionAttribute>() is null)
            {
                problems.Add($"{endpoint.Key} is under a goal but declares no GoalAction (.Requires(...)).");
            }
            if (isAnonymous != Anonymous.Contains(endpoint.Key))
            {
                problems.Add($"{endpoint.Key} is {(isAnonymous ? "anonymous but not on the allow-list" : "on the allow-list but not anonymous")}.");
            }
            if (!isAnonymous && !requiresAuthorization)
            {
                problems.Add($"{endpoint.Key} does not require authentication.");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task EveryGoalEndpoint_EveryCaller_AnswersAsTheRoleTableSays()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var shared = await setup.CreateSharedGoalAsync();
        using var anonymous = app.CreateApiClient();
        var problems = new List<string>();

        foreach (var endpoint in GoalEndpoints())
        {
            if (!Samples.TryGetValue(endpoint.SampleKey, out var sample))
            {
                problems.Add($"{endpoint.Key}: no sample request in {nameof(AuthorizationMatrixTests)}; add one.");
                continue;
            }
            var action = sample.LeastAction;
            await ExpectAsync(problems, endpoint, "anonymous", anonymous, sample, shared, HttpStatusCode.Unauthorized);
            await ExpectAsync(problems, endpoint, "stranger", setup.Stranger.Api, sample, shared, HttpStatusCode.NotFound);
            foreach (var role in Roles)
            {
                var allowed = CirclePolicy.Allows(Enum.Parse<CircleRole>(role, ignoreCase: true), action);
                // A change that succeeds uses a goal of its own; refused ones change nothing, so they share one.
                var ids = allowed && endpoint.Method != "GET" ? await setup.CreateSharedGoalAsync() : shared;
                await ExpectAsync(problems, endpoint, role, setup.As(role).Api, sample, ids, allowed ? sample.Success : HttpStatusCode.Forbidden);
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} cells differ:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task EveryGoalEndpoint_ReadScopedToken_ReadsButNeverWrites()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var shared = await setup.CreateSharedGoalAsync();
        var readToken = await setup.Owner.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(readToken.Secret);
        var problems = new List<string>();

        foreach (var endpoint in GoalEndpoints().Where(e => Samples.ContainsKey(e.SampleKey)))
        {
            var sample = Samples[endpoint.SampleKey];
            var expected = endpoint.Method == "GET" ? sample.Success : HttpStatusCode.Forbidden;
            await ExpectAsync(problems, endpoint, "owner's read token", reader, sample, shared, expected);
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task SharedGoal_AfterEveryRefusedCall_IsUnchanged()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var shared = await setup.CreateSharedGoalAsync();
        var before = await SnapshotAsync(setup.Owner, shared["goalId"]);
        var problems = new List<string>();

        foreach (var endpoint in GoalEndpoints().Where(e => e.Method != "GET" && Samples.ContainsKey(e.SampleKey)))
        {
            var action = Samples[endpoint.SampleKey].LeastAction;
            await ExpectAsync(problems, endpoint, "stranger", setup.Stranger.Api, Samples[endpoint.SampleKey], shared, HttpStatusCode.NotFound);
            foreach (var role in CircleSetup.MemberRoles.Where(r => !CirclePolicy.Allows(Enum.Parse<CircleRole>(r, ignoreCase: true), action)))
            {
                await ExpectAsync(problems, endpoint, role, setup.As(role).Api, Samples[endpoint.SampleKey], shared, HttpStatusCode.Forbidden);
            }
        }

        Assert.Empty(problems);
        Assert.Equal(before, await SnapshotAsync(setup.Owner, shared["goalId"]));
    }

    private static async Task<string> SnapshotAsync(TestUser owner, string goal)
    {
        var parts = new StringBuilder();
        foreach (var view in new[] { "", "/entries", "/roadmap", "/readiness", "/work", "/habits", "/attempts", "/circle", "/cheers", "/suggestions", "/breaks" })
        {
            parts.AppendLine((await CircleSetup.GetAsync(owner, $"/api/v1/goals/{goal}{view}")).GetRawText());
        }
        return parts.ToString();
    }

    private static async Task ExpectAsync(
        List<string> problems, ApiEndpoint endpoint, string caller, HttpClient client, Sample sample,
        IReadOnlyDictionary<string, string> ids, HttpStatusCode expected)
    {
        var path = ids.Aggregate(endpoint.Pattern, (p, id) => p.Replace($"{{{id.Key}}}", id.Value, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (sample.Body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(sample.Body, HttpJson.Options), Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            problems.Add($"{endpoint.Key} as {caller}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        }
    }

    private IEnumerable<ApiEndpoint> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new ApiEndpoint(m, e)));

    private IEnumerable<ApiEndpoint> GoalEndpoints() =>
        ApiEndpoints().Where(e => e.Pattern.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal);

    /// <param name="LeastAction">What recipe.md's role table requires for this call, stated here independently of the app.</param>
    private sealed record Sample(GoalAction LeastAction, HttpStatusCode Success, object? Body = null);

    private sealed record ApiEndpoint(string Method, RouteEndpoint Endpoint)
    {
        public string Pattern { get; } = "/" + Endpoint.RoutePattern.RawText!.Trim('/');

        public string Key => $"{Method} {Pattern}";

        public string SampleKey => $"{Method} {Pattern[Prefix.Length..]}";
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApp app) : AuthorizationMatrixTests(app);

public sealed class AuthorizationMatrixTests_Postgres(PostgresApp app) : AuthorizationMatrixTests(app);
