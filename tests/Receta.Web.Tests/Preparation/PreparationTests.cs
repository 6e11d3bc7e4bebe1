using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Preparation;

public abstract class PreparationTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddSkill_WithResources_Returns201WithLocationAndSkill()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become an astronaut" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/skills", new
        {
            name = " Russian ",
            level = 1,
            targetLevel = 4,
            resources = new object[]
            {
                new { title = "Textbook", url = "https://example.test/russian", done = true },
                new { title = "Tutor" },
            },
        });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var skill = await response.ReadJsonAsync();
        var id = Id(skill);
        Assert.EndsWith($"/api/v1/goals/{goal}/skills/{id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Russian", skill.GetProperty("name").GetString());
        Assert.Equal(1, skill.GetProperty("level").GetInt32());
        Assert.Equal(4, skill.GetProperty("targetLevel").GetInt32());
        var resources = skill.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(2, resources.Count);
        Assert.Equal("Textbook", resources[0].GetProperty("title").GetString());
        Assert.Equal("https://example.test/russian", resources[0].GetProperty("url").GetString());
        Assert.True(resources[0].GetProperty("done").GetBoolean());
        Assert.Equal("Tutor", resources[1].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, resources[1].GetProperty("url").ValueKind);
        Assert.False(resources[1].GetProperty("done").GetBoolean());
    }

    [Theory]
    [InlineData("level", -1, 3)]
    [InlineData("level", 6, 3)]
    [InlineData("targetLevel", 2, -1)]
    [InlineData("targetLevel", 2, 6)]
    public async Task AddSkill_LevelOutsideZeroToFive_Returns400NamingFieldAndCreatesNothing(string field, int level, int targetLevel)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Levels" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/skills", new { name = "Diving", level, targetLevel });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(Items(await ReadinessAsync(user, goal)));
    }

    [Theory]
    [InlineData("name", """{ "name": "  ", "level": 1, "targetLevel": 2 }""")]
    [InlineData("level", """{ "name": "Flying", "targetLevel": 2 }""")]
    [InlineData("level", """{ "name": "Flying", "level": 2.5, "targetLevel": 3 }""")]
    [InlineData("targetLevel", """{ "name": "Flying", "level": 2 }""")]
    public async Task AddSkill_MissingOrMalformedField_Returns400NamingIt(string field, string body)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Malformed" }));

        using var content = Json(body);
        using var response = await user.Api.PostAsync($"/api/v1/goals/{goal}/skills", content, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(Items(await ReadinessAsync(user, goal)));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.test/file")]
    [InlineData("/relative/path")]
    public async Task AddSkill_ResourceWithBadUrl_Returns400NamingResourceUrl(string url)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Links" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/skills", new
        {
            name = "Engineering",
            level = 2,
            targetLevel = 5,
            resources = new[] { new { title = "Lecture notes", url } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(),
            e => e.Name.StartsWith("resources", StringComparison.Ordinal) && e.Name.EndsWith("url", StringComparison.Ordinal));
        Assert.Empty(Items(await ReadinessAsync(user, goal)));
    }

    [Fact]
    public async Task GetReadiness_TwoSkills_IsShareOfTargetLevelsReached()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Ready?" }));
        var english = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "English", level = 2, targetLevel = 4 }));
        var flying = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Flying", level = 5, targetLevel = 3 }));

        var readiness = await ReadinessAsync(user, goal);

        // 100 · (min(2, 4) + min(5, 3)) / (4 + 3) = 500 / 7 = 71.43 → 71.4
        Assert.Equal(71.4, readiness.GetProperty("readiness").GetDouble());
        var items = Items(readiness);
        Assert.Equal([english, flying], items.Select(Id));
        Assert.Equal("English", items[0].GetProperty("name").GetString());
        Assert.Equal(2, items[0].GetProperty("level").GetInt32());
        Assert.Equal(4, items[0].GetProperty("targetLevel").GetInt32());
        Assert.Equal(2, items[0].GetProperty("gap").GetInt32());
        Assert.Equal(5, items[1].GetProperty("level").GetInt32());
        Assert.Equal(3, items[1].GetProperty("targetLevel").GetInt32());
        Assert.Equal(0, items[1].GetProperty("gap").GetInt32());
    }

    [Fact]
    public async Task GetReadiness_RoundsHalfAwayFromZero()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Rounding" }));
        // 100 · (1 + 0 + 0 + 0) / (4 + 4 + 4 + 4) = 6.25 exactly: half away from zero gives 6.3 (half to even would give 6.2).
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "A", level = 1, targetLevel = 4 });
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "B", level = 0, targetLevel = 4 });
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "C", level = 0, targetLevel = 4 });
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "D", level = 0, targetLevel = 4 });

        var readiness = await ReadinessAsync(user, goal);

        Assert.Equal(6.3, readiness.GetProperty("readiness").GetDouble());
    }

    [Fact]
    public async Task GetReadiness_NoSkills_Is100()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Nothing to learn" }));

        var readiness = await ReadinessAsync(user, goal);

        Assert.Equal(100, readiness.GetProperty("readiness").GetDouble());
        Assert.Empty(Items(readiness));
    }

    [Fact]
    public async Task GetReadiness_OnlyZeroTargets_Is100()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Already there" }));
        await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Walking", level = 3, targetLevel = 0 });

        var readiness = await ReadinessAsync(user, goal);

        Assert.Equal(100, readiness.GetProperty("readiness").GetDouble());
        Assert.Equal(0, Assert.Single(Items(readiness)).GetProperty("gap").GetInt32());
    }

    [Fact]
    public async Task UpdateSkill_LevelOnly_KeepsOtherFieldsAndChangesReadiness()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Improve" }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new
        {
            name = "Scuba",
            level = 1,
            targetLevel = 4,
            resources = new[] { new { title = "Open water course", url = "https://example.test/padi", done = false } },
        }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{skill}", new { level = 3 });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var patched = await response.ReadJsonAsync();
        Assert.Equal(skill, Id(patched));
        Assert.Equal("Scuba", patched.GetProperty("name").GetString());
        Assert.Equal(3, patched.GetProperty("level").GetInt32());
        Assert.Equal(4, patched.GetProperty("targetLevel").GetInt32());
        var resource = Assert.Single(patched.GetProperty("resources").EnumerateArray());
        Assert.Equal("Open water course", resource.GetProperty("title").GetString());
        Assert.Equal("https://example.test/padi", resource.GetProperty("url").GetString());
        Assert.False(resource.GetProperty("done").GetBoolean());
        // 100 · 3 / 4 = 75
        Assert.Equal(75, (await ReadinessAsync(user, goal)).GetProperty("readiness").GetDouble());
    }

    [Fact]
    public async Task UpdateSkill_LevelOutOfRange_Returns400AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Stay put" }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Chess", level = 1, targetLevel = 2 }));
        var before = (await ReadinessAsync(user, goal)).GetRawText();

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{skill}", new { name = "Go", targetLevel = 9 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "targetLevel");
        Assert.Equal(before, (await ReadinessAsync(user, goal)).GetRawText());
    }

    [Fact]
    public async Task UpdateSkill_ResourceWithBadUrl_Returns400AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Links" }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Chess", level = 1, targetLevel = 2 }));
        var before = (await ReadinessAsync(user, goal)).GetRawText();

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{skill}",
            new { resources = new[] { new { title = "Broken", url = "javascript:alert(1)" } } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, (await ReadinessAsync(user, goal)).GetRawText());
    }

    [Fact]
    public async Task DeleteSkill_Existing_Returns204AndIsGone()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Drop one" }));
        var keep = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Keep", level = 1, targetLevel = 2 }));
        var drop = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Drop", level = 0, targetLevel = 5 }));
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-27", minutes = 45, skillId = drop });

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/skills/{drop}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        var readiness = await ReadinessAsync(user, goal);
        Assert.Equal([keep], Items(readiness).Select(Id));
        // Only "Keep" remains: 100 · 1 / 2 = 50
        Assert.Equal(50, readiness.GetProperty("readiness").GetDouble());
        using var patch = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{drop}", new { level = 1 });
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        using var again = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/skills/{drop}", Cancellation);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SkillEndpoints_AnotherUsersGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var skill = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/skills", new { name = "Mine", level = 1, targetLevel = 3 }));
        var before = (await ReadinessAsync(owner, goal)).GetRawText();

        using var post = await stranger.Api.PostJsonAsync($"/api/v1/goals/{goal}/skills", new { name = "Intruder", level = 0, targetLevel = 5 });
        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{skill}", new { level = 3 });
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{goal}/skills/{skill}", Cancellation);
        using var get = await stranger.Api.GetAsync($"/api/v1/goals/{goal}/readiness", Cancellation);

        await post.AssertProblemAsync(HttpStatusCode.NotFound);
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, (await ReadinessAsync(owner, goal)).GetRawText());
    }

    [Fact]
    public async Task SkillEndpoints_SkillOfAnotherUserThroughOwnGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var skill = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/skills", new { name = "Mine", level = 1, targetLevel = 3 }));
        var strangersGoal = Id(await CreateGoalAsync(stranger, new { title = "Theirs" }));
        var before = (await ReadinessAsync(owner, goal)).GetRawText();

        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{strangersGoal}/skills/{skill}", new { level = 3 });
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{strangersGoal}/skills/{skill}", Cancellation);

        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, (await ReadinessAsync(owner, goal)).GetRawText());
    }

    [Fact]
    public async Task SkillEndpoints_ReadScopedToken_Return403ForChangesAndChangeNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Look only" }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Mine", level = 1, targetLevel = 3 }));
        var before = (await ReadinessAsync(user, goal)).GetRawText();
        var token = await user.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(token.Secret);

        using var post = await reader.PostJsonAsync($"/api/v1/goals/{goal}/skills", new { name = "Sneaky", level = 0, targetLevel = 5 });
        using var patch = await reader.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{skill}", new { level = 3 });
        using var delete = await reader.DeleteAsync($"/api/v1/goals/{goal}/skills/{skill}", Cancellation);
        using var get = await reader.GetAsync($"/api/v1/goals/{goal}/readiness", Cancellation);

        await post.AssertProblemAsync(HttpStatusCode.Forbidden);
        await patch.AssertProblemAsync(HttpStatusCode.Forbidden);
        await delete.AssertProblemAsync(HttpStatusCode.Forbidden);
        await get.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(before, (await get.ReadJsonAsync()).GetRawText());
        Assert.Equal(before, (await ReadinessAsync(user, goal)).GetRawText());
    }

    [Fact]
    public async Task AddSkill_FromAttemptOfTheGoal_Returns201LinkedAndPatchNullClears()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become an astronaut" }));
        var attempt = Id(await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "1991", date = "1991-07-01", outcome = "failed" }));
        var later = Id(await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "1992", date = "1992-07-01", outcome = "failed" }));

        var skill = await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Diving", level = 0, targetLevel = 4, fromAttemptId = attempt });
        using var moved = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{Id(skill)}", new { fromAttemptId = later });
        using var kept = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{Id(skill)}", new { level = 2 });
        var beforeClearing = (await kept.ReadJsonAsync()).GetProperty("fromAttemptId").GetString();
        using var cleared = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{Id(skill)}", new { fromAttemptId = (string?)null });

        Assert.Equal(attempt, skill.GetProperty("fromAttemptId").GetString());
        await moved.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(later, (await moved.ReadJsonAsync()).GetProperty("fromAttemptId").GetString());
        Assert.Equal(later, beforeClearing);
        await cleared.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await cleared.ReadJsonAsync()).GetProperty("fromAttemptId").ValueKind);
        var stored = Assert.Single(Items(await ReadinessAsync(user, goal)));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("fromAttemptId").ValueKind);
        Assert.Equal(2, stored.GetProperty("level").GetInt32());
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("malformed")]
    [InlineData("another goal's")]
    public async Task AddAndUpdateSkill_FromAttemptNotOfTheGoal_Return400NamingFieldAndChangeNothing(string which)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become an astronaut" }));
        var otherGoal = Id(await CreateGoalAsync(user, new { title = "Run a marathon" }));
        var elsewhere = Id(await PostAsync(user, $"/api/v1/goals/{otherGoal}/attempts", new { title = "Boston", date = "2025-04-21", outcome = "failed" }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Diving", level = 0, targetLevel = 4 }));
        var before = (await ReadinessAsync(user, goal)).GetRawText();
        var fromAttemptId = which switch
        {
            "unknown" => Guid.NewGuid().ToString(),
            "malformed" => "not-an-id",
            _ => elsewhere,
        };

        using var post = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/skills", new { name = "Russian", level = 0, targetLevel = 4, fromAttemptId });
        using var patch = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/skills/{skill}", new { fromAttemptId });

        await post.AssertProblemAsync(HttpStatusCode.BadRequest, "fromAttemptId");
        await patch.AssertProblemAsync(HttpStatusCode.BadRequest, "fromAttemptId");
        Assert.Equal(before, (await ReadinessAsync(user, goal)).GetRawText());
    }

    private static Task<JsonElement> ReadinessAsync(TestUser user, string goal) => GetJsonAsync(user, $"/api/v1/goals/{goal}/readiness");

    private static List<JsonElement> Items(JsonElement readiness) => [.. readiness.GetProperty("items").EnumerateArray()];
}

public sealed class PreparationTests_Sqlite(SqliteApp app) : PreparationTests(app);

public sealed class PreparationTests_Postgres(PostgresApp app) : PreparationTests(app);
