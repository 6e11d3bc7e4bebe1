using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Breaks;

public abstract class BreakTests(RecetaApp app)
{
    // A sum from 0 to 100 over the 100 days from 2025-01-01 to 2025-04-11.
    private static readonly object Hundred = new
    {
        title = "Finish the thesis",
        startDate = "2025-01-01",
        targetDate = "2025-04-11",
        weeklyCapacityHours = 7,
        measure = new { unit = "pages", start = 0, target = 100, aggregation = "sum" },
    };

    [Fact]
    public async Task AddBreak_Valid_Returns201WithLocationAndListsByStart()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/breaks", new { from = "2025-03-01", to = "2025-03-07", note = "Exams" });
        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-01-20", to = "2025-01-20" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.EndsWith($"/api/v1/goals/{goal}/breaks/{Id(created)}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("2025-03-01", "2025-03-07", "Exams"),
            (created.GetProperty("from").GetString(), created.GetProperty("to").GetString(), created.GetProperty("note").GetString()));
        Assert.Equal(["2025-01-20", "2025-03-01"], await StartsAsync(user, goal));
    }

    [Theory]
    [InlineData("2025-03-05", "2025-03-10")]
    [InlineData("2025-02-20", "2025-03-01")]
    [InlineData("2025-03-07", "2025-03-07")]
    [InlineData("2025-02-01", "2025-04-01")]
    public async Task AddBreak_OverlappingAnother_Returns409AndChangesNothing(string from, string to)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-01", to = "2025-03-07" });

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/breaks", new { from, to });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["2025-03-01"], await StartsAsync(user, goal));
    }

    [Fact]
    public async Task AddBreak_TouchingAnother_IsAllowed()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-01", to = "2025-03-07" });

        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-08", to = "2025-03-09" });

        Assert.Equal(["2025-03-01", "2025-03-08"], await StartsAsync(user, goal));
    }

    [Theory]
    [InlineData("2025-03-07", "2025-03-06", "to")]
    [InlineData("2025-01-01", "2026-01-02", "to")]
    [InlineData(null, "2025-03-06", "from")]
    [InlineData("2025-03-01", null, "to")]
    [InlineData("1899-12-31", "1900-01-02", "from")]
    public async Task AddBreak_Invalid_Returns400NamingTheField(string? from, string? to, string field)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/breaks", new { from, to });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(await StartsAsync(user, goal));
    }

    [Fact]
    public async Task AddBreak_Exactly366Days_IsAllowed()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));

        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-01-01", to = "2026-01-01" });

        Assert.Equal(["2025-01-01"], await StartsAsync(user, goal));
    }

    [Fact]
    public async Task UpdateBreak_IntoAnother_Returns409AndKeepsIt_OtherwiseMovesIt()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-01", to = "2025-03-07" });
        var second = Id(await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-10", to = "2025-03-12" }));

        using var refused = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/breaks/{second}", new { from = "2025-03-05" });
        using var moved = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/breaks/{second}", new { to = "2025-03-20", note = "Longer" });

        await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        await moved.AssertStatusAsync(HttpStatusCode.OK);
        var body = await moved.ReadJsonAsync();
        Assert.Equal(("2025-03-10", "2025-03-20", "Longer"),
            (body.GetProperty("from").GetString(), body.GetProperty("to").GetString(), body.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task DeleteBreak_Returns204ThenNotFound()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        var pause = Id(await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-01", to = "2025-03-07" }));

        using var deleted = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/breaks/{pause}", TestContext.Current.CancellationToken);
        using var again = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/breaks/{pause}", TestContext.Current.CancellationToken);

        await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await StartsAsync(user, goal));
    }

    [Fact]
    public async Task Progress_BreakAdded_RoadWaitsAtOnce()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        var before = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-15");

        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-01-11", to = "2025-01-20" });
        var during = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-15");
        var after = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-21");

        Assert.Equal(14, before.GetProperty("road").GetDouble(), 1e-9);
        // 90 active days carry the road; 9 of them are behind on 2025-01-15, 10 on 2025-01-21.
        Assert.Equal(10, during.GetProperty("road").GetDouble(), 1e-9);
        Assert.Equal(100.0 * 10 / 90, after.GetProperty("road").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Roadmap_BreakDays_GetNoCapacity()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Draft", estimateHours = 3, dueDate = "2025-03-06" }));
        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-04", to = "2025-03-05" });

        var roadmap = await GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap?asOf=2025-03-03");

        // One hour a day on 03-03, 03-06 and 03-07: late for its 03-06 due date.
        var item = roadmap.GetProperty("items")[0];
        Assert.Equal(milestone, Id(item));
        Assert.Equal(("2025-03-03", "2025-03-07"), (item.GetProperty("projectedStart").GetString(), item.GetProperty("projectedFinish").GetString()));
        Assert.True(item.GetProperty("late").GetBoolean());
    }

    [Fact]
    public async Task Recipe_BreakInTheLast30Days_DistanceWindowReachesBackOverIt()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Hundred));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-25", value = 5 });
        var before = await GetJsonAsync(user, $"/api/v1/goals/{goal}/recipe?asOf=2025-03-31");

        await PostAsync(user, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-10", to = "2025-03-19" });
        var after = await GetJsonAsync(user, $"/api/v1/goals/{goal}/recipe?asOf=2025-03-31");

        Assert.False(Distance(before));
        Assert.True(Distance(after));
    }

    private static bool Distance(JsonElement recipe) =>
        recipe.GetProperty("ingredients").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "distance").GetProperty("satisfied").GetBoolean();

    private static async Task<List<string>> StartsAsync(TestUser user, string goal) =>
        [.. (await GetJsonAsync(user, $"/api/v1/goals/{goal}/breaks")).GetProperty("items").EnumerateArray().Select(b => b.GetProperty("from").GetString()!)];
}

public sealed class BreakTests_Sqlite(SqliteApp app) : BreakTests(app);

public sealed class BreakTests_Postgres(PostgresApp app) : BreakTests(app);
