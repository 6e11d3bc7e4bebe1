using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Infrastructure.Idempotency;
using Receta.Web.Tests.Security;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>api.md "Creation is safe to retry": a POST with an <c>Idempotency-Key</c> runs once, and its retries get its answer.</summary>
public abstract class IdempotencyTests(RecetaApp app)
{
    private const string HeaderName = "Idempotency-Key";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_SameKeyTwice_AnswersAsTheFirstAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var key = NewKey();

        using var first = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);
        using var second = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);

        await first.AssertStatusAsync(HttpStatusCode.Created);
        await second.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await second.Content.ReadAsStringAsync(Cancellation));
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Single(await ListAsync(user, "/api/v1/goals"));
    }

    [Fact]
    public async Task Post_SameKeyOtherBody_Returns422AndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var key = NewKey();
        using var first = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);
        await first.AssertStatusAsync(HttpStatusCode.Created);

        using var other = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Swim a mile" }, key);

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var goals = await ListAsync(user, "/api/v1/goals");
        Assert.Equal(["Run a marathon"], goals.Select(g => g.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Post_SameKeyOtherPath_Returns422AndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Run a marathon" }));
        var key = NewKey();
        using var first = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "10 km" }, key);
        await first.AssertStatusAsync(HttpStatusCode.Created);

        using var other = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/skills", new { title = "10 km" }, key);

        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Empty((await GetJsonAsync(user, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Post_SameKeyAnotherAccount_CreatesForEach()
    {
        var ana = await app.CreateUserAsync();
        var adela = await app.CreateUserAsync();
        var key = NewKey();

        using var byAna = await PostWithKeyAsync(ana, "/api/v1/goals", new { title = "Run a marathon" }, key);
        using var byAdela = await PostWithKeyAsync(adela, "/api/v1/goals", new { title = "Run a marathon" }, key);

        await byAna.AssertStatusAsync(HttpStatusCode.Created);
        await byAdela.AssertStatusAsync(HttpStatusCode.Created);
        Assert.NotEqual(Id(await byAna.ReadJsonAsync()), Id(await byAdela.ReadJsonAsync()));
        Assert.Single(await ListAsync(ana, "/api/v1/goals"));
        Assert.Single(await ListAsync(adela, "/api/v1/goals"));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("clé")]
    [InlineData("tab\tinside")]
    [InlineData(null)]
    public async Task Post_InvalidKey_Returns400NamingTheHeaderAndCreatesNothing(string? key)
    {
        var user = await app.CreateUserAsync();

        // null stands for 101 characters, one over the limit.
        using var response = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key ?? new string('k', 101));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, HeaderName);
        Assert.Empty(await ListAsync(user, "/api/v1/goals"));
    }

    [Fact]
    public async Task Post_EmptyKey_Returns400NamingTheHeaderAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();

        // HttpClient drops an empty header before the in-memory server sees it; a client on the wire sends it.
        var answered = await app.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/v1/goals";
            http.Request.Headers.Authorization = $"Bearer {user.Token.Secret}";
            http.Request.Headers[HeaderName] = "";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream("{\"title\":\"Run a marathon\"}"u8.ToArray());
        }, Cancellation);

        Assert.Equal(StatusCodes.Status400BadRequest, answered.Response.StatusCode);
        var problem = await JsonDocument.ParseAsync(answered.Response.Body, cancellationToken: Cancellation);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(HeaderName, out _), problem.RootElement.ToString());
        Assert.Empty(await ListAsync(user, "/api/v1/goals"));
    }

    [Fact]
    public async Task Post_KeyOf100VisibleCharacters_IsAccepted()
    {
        var user = await app.CreateUserAsync();
        var key = string.Concat(Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c))[..94] + NewKey()[..6];

        using var first = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);
        using var second = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);

        Assert.Equal(100, key.Length);
        await first.AssertStatusAsync(HttpStatusCode.Created);
        await second.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Single(await ListAsync(user, "/api/v1/goals"));
    }

    [Fact]
    public async Task Post_RefusedRequestRetried_AnswersTheRefusalAgainEvenOnceItWouldSucceed()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Run a marathon" }));
        var key = NewKey();
        var entry = new { date = "2025-03-01", value = 5 };
        using var refused = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/entries", entry, key);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "measure");
        using var measured = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}", new { measure = new { target = 42 } });
        await measured.AssertStatusAsync(HttpStatusCode.OK);

        using var retried = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/entries", entry, key);

        await retried.AssertProblemAsync(HttpStatusCode.BadRequest, "measure");
        Assert.Equal(await refused.Content.ReadAsStringAsync(Cancellation), await retried.Content.ReadAsStringAsync(Cancellation));
        Assert.Empty(await ListAsync(user, $"/api/v1/goals/{goal}/entries"));
        using var withNewKey = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/entries", entry, NewKey());
        await withNewKey.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_UnreadableBodyWithKey_RemembersNothing()
    {
        var user = await app.CreateUserAsync();
        var key = NewKey();
        using var unreadable = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goals") { Content = Json("{\"title\": ") };
        unreadable.Headers.TryAddWithoutValidation(HeaderName, key);
        using var refused = await user.Api.SendAsync(unreadable, Cancellation);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);

        using var corrected = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);

        await corrected.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Single(await ListAsync(user, "/api/v1/goals"));
    }

    [Fact]
    public async Task Post_RetriedAfterServerFailure_RunsAgain()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Run a marathon" }));
        var key = NewKey();
        await TakeMilestonesAwayAsync(own, away: true);
        using var failed = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "10 km" }, key);
        await failed.AssertProblemAsync(HttpStatusCode.InternalServerError);
        await TakeMilestonesAwayAsync(own, away: false);

        using var retried = await PostWithKeyAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "10 km" }, key);

        await retried.AssertStatusAsync(HttpStatusCode.Created);
        var roadmap = await GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap");
        Assert.Single(roadmap.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Post_ConcurrentRequestsWithOneKey_CreateExactlyOne()
    {
        var user = await app.CreateUserAsync();
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key)));

        try
        {
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.NotEmpty(created);
            var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync(Cancellation)));
            Assert.Single(bodies.Distinct());
            foreach (var busy in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            {
                await busy.AssertProblemAsync(HttpStatusCode.Conflict);
                Assert.NotNull(busy.Headers.RetryAfter);
            }
            Assert.Single(await ListAsync(user, "/api/v1/goals"));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Post_SameKeyAfter24Hours_RunsAgain()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        var key = NewKey();
        using var first = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);
        await first.AssertStatusAsync(HttpStatusCode.Created);

        own.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using var withinTheDay = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        using var dayLater = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, key);

        await withinTheDay.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(first.Headers.Location, withinTheDay.Headers.Location);
        await dayLater.AssertStatusAsync(HttpStatusCode.Created);
        Assert.NotEqual(first.Headers.Location, dayLater.Headers.Location);
        Assert.Equal(2, (await ListAsync(user, "/api/v1/goals")).Count);
    }

    [Fact]
    public async Task Purge_KeysOlderThan24Hours_AreDeletedAndNewerKept()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var old = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, "old");
        own.Clock.Advance(TimeSpan.FromHours(25));
        using var recent = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Swim a mile" }, "recent");

        await own.Services.GetRequiredService<IdempotencyPurge>().PurgeAsync(Cancellation);

        Assert.Equal(["recent"], await KeysAsync(own, user));
    }

    [Fact]
    public async Task RemoveAccount_WithKeys_DeletesTheKeys()
    {
        var user = await app.CreateUserAsync();
        using var created = await PostWithKeyAsync(user, "/api/v1/goals", new { title = "Run a marathon" }, NewKey());
        Assert.Single(await KeysAsync(app, user));

        using var removed = await user.Api.DeleteJsonAsync("/api/v1/me", new { password = user.Password });

        await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty(await KeysAsync(app, user));
    }

    [Fact]
    public async Task CreateToken_SameKeyTwice_CreatesTwoTokens()
    {
        var user = await app.CreateUserAsync();
        var key = NewKey();
        var body = new { email = user.Email, password = user.Password, name = "phone" };

        using var first = await PostWithKeyAsync(user, "/api/v1/auth/tokens", body, key);
        using var second = await PostWithKeyAsync(user, "/api/v1/auth/tokens", body, key);

        await first.AssertStatusAsync(HttpStatusCode.Created);
        await second.AssertStatusAsync(HttpStatusCode.Created);
        Assert.NotEqual(Id(await first.ReadJsonAsync()), Id(await second.ReadJsonAsync()));
    }

    [Fact]
    public async Task OpenApi_CoveredPosts_DescribeTheOptionalHeader()
    {
        using var client = app.CreateApiClient();

        var document = await (await client.GetAsync("/openapi/v1.json", Cancellation)).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(HasKeyParameter(paths.GetProperty("/api/v1/goals").GetProperty("post")));
        Assert.True(HasKeyParameter(paths.GetProperty("/api/v1/goals/{goalId}/entries").GetProperty("post")));
        Assert.False(HasKeyParameter(paths.GetProperty("/api/v1/goals").GetProperty("get")));
        Assert.False(HasKeyParameter(paths.GetProperty("/api/v1/auth/tokens").GetProperty("post")));
        Assert.False(HasKeyParameter(paths.GetProperty("/api/v1/me/password").GetProperty("post")));
        Assert.False(HasKeyParameter(paths.GetProperty("/api/v1/calendar").GetProperty("post")));
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static async Task<HttpResponseMessage> PostWithKeyAsync(TestUser user, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HttpJson.Options) };
        request.Headers.TryAddWithoutValidation(HeaderName, key);
        return await user.Api.SendAsync(request, Cancellation);
    }

    private static async Task<List<JsonElement>> ListAsync(TestUser user, string path) =>
        [.. (await GetJsonAsync(user, path)).GetProperty("items").EnumerateArray()];

    private static async Task<List<string>> KeysAsync(RecetaApp owner, TestUser user)
    {
        await using var scope = owner.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var id = Guid.Parse(user.Id);
        return await db.IdempotentRequests.Where(r => r.UserId == id).Select(r => r.Key).ToListAsync(Cancellation);
    }

    /// <summary>Takes the milestones table away (or brings it back) under the running app: a server failure that a retry outlives.</summary>
    private static async Task TakeMilestonesAwayAsync(RecetaApp owner, bool away)
    {
        await using var scope = owner.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        await db.Database.ExecuteSqlRawAsync(away
            ? "ALTER TABLE \"Milestones\" RENAME TO \"MilestonesAway\""
            : "ALTER TABLE \"MilestonesAway\" RENAME TO \"Milestones\"", Cancellation);
    }

    private static bool HasKeyParameter(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == HeaderName && p.GetProperty("in").GetString() == "header");
}

public sealed class IdempotencyTests_Sqlite(SqliteApp app) : IdempotencyTests(app);

public sealed class IdempotencyTests_Postgres(PostgresApp app) : IdempotencyTests(app);
