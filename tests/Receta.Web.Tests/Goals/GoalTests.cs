using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Goals;

public abstract class GoalTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_TitleOnly_Returns201WithDefaults()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/goals", new { title = "  Run a marathon  " });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var goal = await response.ReadJsonAsync();
        var id = goal.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/goals/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Run a marathon", goal.GetProperty("title").GetString());
        Assert.Equal("active", goal.GetProperty("status").GetString());
        Assert.Equal("owner", goal.GetProperty("role").GetString());
        Assert.Equal("2025-03-01", goal.GetProperty("startDate").GetString());
        Assert.Equal(5, goal.GetProperty("weeklyCapacityHours").GetDouble());
        Assert.Equal(JsonValueKind.Null, goal.GetProperty("measure").ValueKind);
        Assert.Equal(JsonValueKind.Null, goal.GetProperty("targetDate").ValueKind);
        Assert.False(string.IsNullOrEmpty(goal.GetProperty("createdAt").GetString()));
    }

    [Fact]
    public async Task Create_FullGoal_ReturnsEveryField()
    {
        var user = await app.CreateUserAsync();

        var goal = await CreateGoalAsync(user, new
        {
            title = "Become a NASA astronaut",
            purpose = "Touch the stars",
            startDate = "2025-01-01",
            targetDate = "2026-01-01",
            weeklyCapacityHours = 10,
            noPreparationNeeded = true,
            measure = new { unit = "hours", start = 0, target = 1000, aggregation = "sum" },
        });

        Assert.Equal("Touch the stars", goal.GetProperty("purpose").GetString());
        Assert.Equal("2025-01-01", goal.GetProperty("startDate").GetString());
        Assert.Equal("2026-01-01", goal.GetProperty("targetDate").GetString());
        Assert.Equal(10, goal.GetProperty("weeklyCapacityHours").GetDouble());
        Assert.True(goal.GetProperty("noPreparationNeeded").GetBoolean());
        var measure = goal.GetProperty("measure");
        Assert.Equal("hours", measure.GetProperty("unit").GetString());
        Assert.Equal(1000, measure.GetProperty("target").GetDouble());
        Assert.Equal("sum", measure.GetProperty("aggregation").GetString());
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", "2025-03-02")]
    [InlineData("America/Los_Angeles", "2025-03-01")]
    public async Task Create_NoStartDate_StartsTodayInTheUsersTimeZone(string timeZone, string today)
    {
        var user = await app.CreateUserAsync(timeZone);

        var goal = await CreateGoalAsync(user, new { title = "Learn to swim" });

        Assert.Equal(today, goal.GetProperty("startDate").GetString());
    }

    [Theory]
    [InlineData("""{"title":""}""", "title")]
    [InlineData("""{"title":"   "}""", "title")]
    [InlineData("""{"purpose":"no title"}""", "title")]
    [InlineData("""{"title":"x","startDate":"2025-02-01","targetDate":"2025-02-01"}""", "targetDate")]
    [InlineData("""{"title":"x","weeklyCapacityHours":0}""", "weeklyCapacityHours")]
    [InlineData("""{"title":"x","weeklyCapacityHours":168.5}""", "weeklyCapacityHours")]
    [InlineData("""{"title":"x","startDate":"1899-12-31"}""", "startDate")]
    [InlineData("""{"title":"x","measure":{"start":5,"target":5}}""", "measure.target")]
    [InlineData("""{"title":"x","measure":{"start":10,"target":5,"aggregation":"count"}}""", "measure.target")]
    [InlineData("""{"title":"x","measure":{"target":5,"aggregation":"median"}}""", "measure.aggregation")]
    [InlineData("""{"title":"x","measure":{"target":1e13}}""", "measure.target")]
    [InlineData("""{"title":"x","status":"done"}""", "status")]
    public async Task Create_InvalidField_Returns400NamingItAndCreatesNothing(string body, string field)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostAsync("/api/v1/goals", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(await ListGoalIdsAsync(user));
    }

    [Fact]
    public async Task Create_TitleOf201Characters_Returns400()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/goals", new { title = new string('a', 201) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "title");
    }

    [Fact]
    public async Task List_ReturnsOwnGoalsOnly_OldestFirst()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var first = await CreateGoalAsync(user, new { title = "First" });
        var second = await CreateGoalAsync(user, new { title = "Second" });
        await CreateGoalAsync(stranger, new { title = "Not yours" });

        var ids = await ListGoalIdsAsync(user);

        Assert.Equal([Id(first), Id(second)], ids);
    }

    [Fact]
    public async Task Create_ManyAtOnce_AllSavedAndListed()
    {
        var user = await app.CreateUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            user.Api.PostJsonAsync("/api/v1/goals", new { title = $"Goal {i}" })));

        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.Created);
            response.Dispose();
        }
        Assert.Equal(16, (await ListGoalIdsAsync(user)).Distinct().Count());
    }

    [Fact]
    public async Task List_PagedByOne_ReturnsEveryGoalOnce()
    {
        var user = await app.CreateUserAsync();
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(Id(await CreateGoalAsync(user, new { title = $"Goal {i}" })));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            using var response = await user.Api.GetAsync($"/api/v1/goals?limit=1{(cursor is null ? "" : $"&cursor={cursor}")}", Cancellation);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            var page = await response.ReadJsonAsync();
            Assert.Equal(1, page.GetProperty("items").GetArrayLength());
            seen.Add(page.GetProperty("items")[0].GetProperty("id").GetString()!);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task Get_AnotherUsersGoal_Returns404()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner, new { title = "Private" });

        foreach (var path in new[] { "", "/progress", "/recipe", "/entries", "/roadmap", "/readiness", "/work", "/attempts", "/habits" })
        {
            using var response = await stranger.Api.GetAsync($"/api/v1/goals/{Id(goal)}{path}", Cancellation);
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{Id(goal)}", new { title = "Mine now" });
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{Id(goal)}", Cancellation);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Private", (await GetGoalAsync(owner, Id(goal))).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0195a1b2-0000-7000-8000-000000000000")]
    public async Task Get_UnknownId_Returns404(string id)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync($"/api/v1/goals/{id}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_OneField_KeepsTheOthersAndReturnsWholeGoal()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new
        {
            title = "Save for college",
            purpose = "First in my family",
            targetDate = "2026-06-01",
            measure = new { unit = "USD", start = 0, target = 5000 },
        });

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{Id(goal)}", new { status = "paused", measure = new { target = 6000 } });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var patched = await response.ReadJsonAsync();
        Assert.Equal("paused", patched.GetProperty("status").GetString());
        Assert.Equal("Save for college", patched.GetProperty("title").GetString());
        Assert.Equal("First in my family", patched.GetProperty("purpose").GetString());
        Assert.Equal("2026-06-01", patched.GetProperty("targetDate").GetString());
        Assert.Equal(6000, patched.GetProperty("measure").GetProperty("target").GetDouble());
        Assert.Equal("USD", patched.GetProperty("measure").GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Patch_NullTargetDate_RemovesIt()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new { title = "Read 20 books", targetDate = "2025-12-31" });

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{Id(goal)}", new { targetDate = (string?)null });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await response.ReadJsonAsync()).GetProperty("targetDate").ValueKind);
    }

    [Fact]
    public async Task Patch_Invalid_Returns400AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new { title = "Learn guitar", weeklyCapacityHours = 3 });

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{Id(goal)}", new { title = "Learn piano", weeklyCapacityHours = 500 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "weeklyCapacityHours");
        var unchanged = await GetGoalAsync(user, Id(goal));
        Assert.Equal("Learn guitar", unchanged.GetProperty("title").GetString());
        Assert.Equal(3, unchanged.GetProperty("weeklyCapacityHours").GetDouble());
    }

    [Fact]
    public async Task Patch_RemoveMeasureWithEntries_Returns409AndKeepsIt()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new { title = "Lose weight", measure = new { unit = "kg", start = 92, target = 80, aggregation = "last" } });
        using (var entry = await user.Api.PostJsonAsync($"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-03", value = 91.6 }))
        {
            await entry.AssertStatusAsync(HttpStatusCode.Created);
        }

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{Id(goal)}", new { measure = (object?)null });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(80, (await GetGoalAsync(user, Id(goal))).GetProperty("measure").GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task Patch_RemoveMeasureWithoutEntries_Returns200()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new { title = "Lose weight", measure = new { unit = "kg", start = 92, target = 80, aggregation = "last" } });

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{Id(goal)}", new { measure = (object?)null });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await response.ReadJsonAsync()).GetProperty("measure").ValueKind);
    }

    [Fact]
    public async Task Create_ParentOfAnotherUser_Returns400NamingParentId()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var theirs = await CreateGoalAsync(stranger, new { title = "Theirs" });

        using var response = await user.Api.PostJsonAsync("/api/v1/goals", new { title = "Sub-goal", parentId = Id(theirs) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
    }

    [Fact]
    public async Task Patch_ParentThatIsItsOwnSubGoal_Returns409()
    {
        var user = await app.CreateUserAsync();
        var parent = await CreateGoalAsync(user, new { title = "Graduate" });
        var child = await CreateGoalAsync(user, new { title = "Pass calculus", parentId = Id(parent) });
        Assert.Equal(Id(parent), child.GetProperty("parentId").GetString());

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{Id(parent)}", new { parentId = Id(child) });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(JsonValueKind.Null, (await GetGoalAsync(user, Id(parent))).GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task Delete_Goal_Returns204AndItIsGoneWithItsItems_SubGoalsStay()
    {
        var user = await app.CreateUserAsync();
        var parent = await CreateGoalAsync(user, new { title = "Graduate", measure = new { target = 10 } });
        var child = await CreateGoalAsync(user, new { title = "Pass calculus", parentId = Id(parent) });
        using (var entry = await user.Api.PostJsonAsync($"/api/v1/goals/{Id(parent)}/entries", new { date = "2025-02-03", value = 1 }))
        {
            await entry.AssertStatusAsync(HttpStatusCode.Created);
        }

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{Id(parent)}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        using var gone = await user.Api.GetAsync($"/api/v1/goals/{Id(parent)}", Cancellation);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(JsonValueKind.Null, (await GetGoalAsync(user, Id(child))).GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task Recipe_NewGoalWithTitleOnly_ScoresPreparationAndPerseveranceOnly()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(user, new { title = "Start a business", noPreparationNeeded = true });

        using var response = await user.Api.GetAsync($"/api/v1/goals/{Id(goal)}/recipe", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var recipe = await response.ReadJsonAsync();
        var ingredients = recipe.GetProperty("ingredients").EnumerateArray().ToList();
        Assert.Equal(["purpose", "distance", "roadmap", "preparation", "work", "perseverance"],
            ingredients.Select(i => i.GetProperty("key").GetString()));
        Assert.Equal([false, false, false, true, false, true], ingredients.Select(i => i.GetProperty("satisfied").GetBoolean()));
        Assert.All(ingredients.Where(i => !i.GetProperty("satisfied").GetBoolean()),
            i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("hint").GetString())));
        Assert.All(ingredients.Where(i => i.GetProperty("satisfied").GetBoolean()),
            i => Assert.Equal(JsonValueKind.Null, i.GetProperty("hint").ValueKind));
        Assert.Equal(2, recipe.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Recipe_EveryIngredientInPlace_ScoresSix_AndLooksBack()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Pass the bar exam",
            purpose = "Defend my community",
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            measure = new { unit = "practice tests", start = 0, target = 40, aggregation = "count" },
        }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-20" });
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Finish outlines", dueDate = "2025-05-01" });
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Legal writing", level = 2, targetLevel = 4 });
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-25", minutes = 90 });
        await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "Practice MBE", date = "2025-02-01", outcome = "failed", lesson = "Slow down on evidence" });
        await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "Practice MBE 2", date = "2025-02-15", outcome = "pending" });

        var now = await GetJsonAsync(user, $"/api/v1/goals/{goal}/recipe?asOf=2025-02-28");
        var later = await GetJsonAsync(user, $"/api/v1/goals/{goal}/recipe?asOf=2025-04-01");

        Assert.Equal(6, now.GetProperty("score").GetInt32());
        // Five weeks on, no entry in 30 days and no work in 7: distance and work are missing again.
        Assert.Equal(4, later.GetProperty("score").GetInt32());
    }

    internal static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    internal static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;

    internal static async Task<JsonElement> CreateGoalAsync(TestUser user, object goal)
    {
        using var response = await user.Api.PostJsonAsync("/api/v1/goals", goal);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    internal static async Task<JsonElement> PostAsync(TestUser user, string path, object body)
    {
        using var response = await user.Api.PostJsonAsync(path, body);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    internal static async Task<JsonElement> GetJsonAsync(TestUser user, string path)
    {
        using var response = await user.Api.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private static Task<JsonElement> GetGoalAsync(TestUser user, string id) => GetJsonAsync(user, $"/api/v1/goals/{id}");

    private static async Task<List<string>> ListGoalIdsAsync(TestUser user) =>
        [.. (await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray().Select(Id)];
}

public sealed class GoalTests_Sqlite(SqliteApp app) : GoalTests(app);

public sealed class GoalTests_Postgres(PostgresApp app) : GoalTests(app);
