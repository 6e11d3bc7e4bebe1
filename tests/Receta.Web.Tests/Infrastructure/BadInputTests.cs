using System.Net;
using System.Text;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>Whatever a client sends, the answer is a clear problem, never a 500, and a refused request changes nothing.</summary>
public abstract class BadInputTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("[1, 2")]
    [InlineData("not json at all")]
    public async Task Post_MalformedJson_Returns400Problem(string body)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostAsync("/api/v1/goals", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_NotJson_Returns415Problem()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostAsync("/api/v1/goals", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_BodyOverOneMebibyte_Returns413Problem()
    {
        var user = await app.CreateUserAsync();
        var body = $"{{\"title\":\"x\",\"purpose\":\"{new string('a', 1024 * 1024)}\"}}";

        using var response = await user.Api.PostAsync("/api/v1/goals", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_PurposeOver10000Characters_Returns400NamingPurpose()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/goals", new { title = "x", purpose = new string('a', 10_001) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "purpose");
    }

    [Theory]
    [InlineData("""{"title":"x","measure":{"target":"NaN"}}""", "measure.target")]
    [InlineData("""{"title":"x","measure":{"target":1e400}}""", "measure.target")]
    [InlineData("""{"title":"x","weeklyCapacityHours":true}""", "weeklyCapacityHours")]
    [InlineData("""{"title":"x","startDate":"01/02/2025"}""", "startDate")]
    [InlineData("""{"title":"x","status":1}""", "status")]
    [InlineData("""{"title":["x"]}""", "title")]
    public async Task Post_WrongTypeOrNonFinite_Returns400NamingTheField(string body, string field)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostAsync("/api/v1/goals", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("progress?asOf=2025-13-01", "asOf")]
    [InlineData("progress?asOf=yesterday", "asOf")]
    [InlineData("roadmap?asOf=1899-12-31", "asOf")]
    [InlineData("entries?from=2025-1-1", "from")]
    [InlineData("entries?limit=0", "limit")]
    [InlineData("entries?limit=1001", "limit")]
    [InlineData("entries?cursor=%%%", "cursor")]
    public async Task Get_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "x", measure = new { target = 10 } }));

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/{query}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Patch_NotAnObject_Returns400()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "x" }));

        using var response = await user.Api.PatchAsync($"/api/v1/goals/{goal}", Json("[]"), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_WrongType_Returns400NamingTheField()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "x" }));

        using var response = await user.Api.PatchAsync($"/api/v1/goals/{goal}", Json("""{"targetDate":"someday"}"""), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "targetDate");
    }

    [Fact]
    public async Task Request_UnknownRoute_Returns404Problem()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync("/api/v1/nothing-here", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_WithoutCredentials_Returns401ProblemWithChallenge()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/goals", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/openapi/v1.json", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/goals/{goalId}/progress", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/tokens", out _));
    }

    [Fact]
    public async Task ApiReference_IsServed()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/scalar/v1", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}

public sealed class BadInputTests_Sqlite(SqliteApp app) : BadInputTests(app);

public sealed class BadInputTests_Postgres(PostgresApp app) : BadInputTests(app);
