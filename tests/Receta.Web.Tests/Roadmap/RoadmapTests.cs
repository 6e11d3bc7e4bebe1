using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Roadmap;

public abstract class RoadmapTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddMilestone_AllFields_Returns201WithLocationAndMilestone()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Run a marathon" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones",
            new { title = "  Run a half marathon  ", dueDate = "2025-06-01", estimateHours = 12.5, targetValue = 21.1 });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var milestone = await response.ReadJsonAsync();
        var id = Id(milestone);
        Assert.False(string.IsNullOrEmpty(id));
        Assert.EndsWith($"/api/v1/goals/{goal}/milestones/{id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Run a half marathon", milestone.GetProperty("title").GetString());
        Assert.Equal("2025-06-01", milestone.GetProperty("dueDate").GetString());
        Assert.Equal(12.5, milestone.GetProperty("estimateHours").GetDouble());
        Assert.Equal(21.1, milestone.GetProperty("targetValue").GetDouble());
        Assert.Empty(milestone.GetProperty("dependsOn").EnumerateArray());
        Assert.Equal("todo", milestone.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, milestone.GetProperty("completedOn").ValueKind);
    }

    [Fact]
    public async Task AddMilestone_TitleOnly_DefaultsEstimateToZeroAndLeavesOthersNull()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Learn to swim" }));

        var milestone = await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Float" });

        Assert.Equal(0, milestone.GetProperty("estimateHours").GetDouble());
        Assert.Equal(JsonValueKind.Null, milestone.GetProperty("dueDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, milestone.GetProperty("targetValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, milestone.GetProperty("completedOn").ValueKind);
        Assert.Equal("todo", milestone.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AddMilestone_DependsOnSibling_ReturnsItInDependsOn()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Pilot's license" }));
        var ground = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Ground school" }));

        var solo = await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "First solo", dependsOn = new[] { ground } });

        Assert.Equal([ground], Ids(solo.GetProperty("dependsOn")));
    }

    [Theory]
    [InlineData("title", """{ "title": "   " }""")]
    [InlineData("title", """{ "estimateHours": 3 }""")]
    [InlineData("estimateHours", """{ "title": "Negative", "estimateHours": -1 }""")]
    [InlineData("estimateHours", """{ "title": "Huge", "estimateHours": 2e12 }""")]
    [InlineData("dueDate", """{ "title": "Too late", "dueDate": "3000-01-01" }""")]
    [InlineData("targetValue", """{ "title": "Way off", "targetValue": -1.5e12 }""")]
    public async Task AddMilestone_InvalidField_Returns400NamingItAndCreatesNothing(string field, string body)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Validate" }));

        using var content = Json(body);
        using var response = await user.Api.PostAsync($"/api/v1/goals/{goal}/milestones", content, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(Items(await RoadmapAsync(user, goal, "2025-03-01")));
    }

    [Fact]
    public async Task AddMilestone_MoreThanAHundredDependencies_Returns400NamingDependsOnAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Many steps" }));
        var first = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "First" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones",
            new { title = "Everything", dependsOn = Enumerable.Repeat(first, 101).ToArray() });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "dependsOn");
        Assert.Single(Items(await RoadmapAsync(user, goal, "2025-03-01")));
    }

    [Fact]
    public async Task AddMilestone_TitleLength_AcceptsTwoHundredRefusesMore()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Long titles" }));

        using var tooLong = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones", new { title = new string('m', 201) });
        var longest = await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = new string('m', 200) });

        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "title");
        Assert.Equal(new string('m', 200), longest.GetProperty("title").GetString());
        Assert.Equal([Id(longest)], Items(await RoadmapAsync(user, goal, "2025-03-01")).Select(Id));
    }

    [Fact]
    public async Task AddMilestone_DependsOnUnknownId_Returns400NamingDependsOnAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Unknown dependency" }));
        var existing = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Exists" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones",
            new { title = "Dangling", dependsOn = new[] { existing, Guid.NewGuid().ToString() } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "dependsOn");
        Assert.Equal([existing], Items(await RoadmapAsync(user, goal, "2025-03-01")).Select(Id));
    }

    [Fact]
    public async Task AddMilestone_DependsOnMilestoneOfAnotherGoal_Returns400NamingDependsOnAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "This goal" }));
        var otherGoal = Id(await CreateGoalAsync(user, new { title = "Other goal" }));
        var foreign = Id(await PostAsync(user, $"/api/v1/goals/{otherGoal}/milestones", new { title = "Elsewhere" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones",
            new { title = "Reaches across", dependsOn = new[] { foreign } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "dependsOn");
        Assert.Empty(Items(await RoadmapAsync(user, goal, "2025-03-01")));
        Assert.Equal([foreign], Items(await RoadmapAsync(user, otherGoal, "2025-03-01")).Select(Id));
    }

    [Fact]
    public async Task UpdateMilestone_DependsOnMilestoneOfAnotherGoal_Returns400AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "This goal" }));
        var otherGoal = Id(await CreateGoalAsync(user, new { title = "Other goal" }));
        var mine = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Mine" }));
        var foreign = Id(await PostAsync(user, $"/api/v1/goals/{otherGoal}/milestones", new { title = "Elsewhere" }));
        var before = await RoadmapTextAsync(user, goal, "2025-03-01");

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{mine}",
            new { title = "Renamed", dependsOn = new[] { foreign } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "dependsOn");
        Assert.Equal(before, await RoadmapTextAsync(user, goal, "2025-03-01"));
    }

    [Fact]
    public async Task UpdateMilestone_DependencyClosingCycle_Returns409AndLeavesGraphUnchanged()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Cycle" }));
        var a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "A" }));
        var b = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "B", dependsOn = new[] { a } }));
        var c = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "C", dependsOn = new[] { b } }));
        var before = await RoadmapTextAsync(user, goal, "2025-03-01");

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{a}",
            new { title = "A renamed", dependsOn = new[] { c } });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await RoadmapTextAsync(user, goal, "2025-03-01"));
        var roadmap = await RoadmapAsync(user, goal, "2025-03-01");
        Assert.Equal("A", Item(roadmap, a).GetProperty("title").GetString());
        Assert.Equal([a, b, c], Items(roadmap).Select(Id));
    }

    [Fact]
    public async Task UpdateMilestone_DependsOnItself_Returns409AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Self" }));
        var a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "A" }));
        var before = await RoadmapTextAsync(user, goal, "2025-03-01");

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{a}", new { dependsOn = new[] { a } });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await RoadmapTextAsync(user, goal, "2025-03-01"));
    }

    [Fact]
    public async Task UpdateMilestone_MarkDoneWithCompletedOn_Returns200WholeMilestone()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Degree" }));
        var a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Enrol" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Pass calculus", dueDate = "2025-02-15", estimateHours = 40, targetValue = 10, dependsOn = new[] { a } }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}",
            new { status = "done", completedOn = "2025-02-01" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var done = await response.ReadJsonAsync();
        Assert.Equal(milestone, Id(done));
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal("2025-02-01", done.GetProperty("completedOn").GetString());
        Assert.Equal("Pass calculus", done.GetProperty("title").GetString());
        Assert.Equal("2025-02-15", done.GetProperty("dueDate").GetString());
        Assert.Equal(40, done.GetProperty("estimateHours").GetDouble());
        Assert.Equal(10, done.GetProperty("targetValue").GetDouble());
        Assert.Equal([a], Ids(done.GetProperty("dependsOn")));
    }

    [Fact]
    public async Task UpdateMilestone_MarkDoneWithoutCompletedOn_CompletesToday()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Today" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Finish" }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { status = "done" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        // The app's clock reads 2025-03-01T12:00Z; the user's zone is UTC.
        Assert.Equal("2025-03-01", (await response.ReadJsonAsync()).GetProperty("completedOn").GetString());
    }

    [Fact]
    public async Task UpdateMilestone_MarkDoneWithoutCompletedOn_CompletesTodayInUsersTimeZone()
    {
        // 2025-03-01T12:00Z is already 2025-03-02T02:00 at UTC+14.
        var user = await app.CreateUserAsync(timeZone: "Pacific/Kiritimati");
        var goal = Id(await CreateGoalAsync(user, new { title = "Far east" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Finish" }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { status = "done" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("2025-03-02", (await response.ReadJsonAsync()).GetProperty("completedOn").GetString());
    }

    [Fact]
    public async Task UpdateMilestone_BackToTodo_ClearsCompletedOn()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Undo" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Finish" }));
        using var done = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}",
            new { status = "done", completedOn = "2025-02-20" });
        await done.AssertStatusAsync(HttpStatusCode.OK);

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { status = "todo" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var todo = await response.ReadJsonAsync();
        Assert.Equal("todo", todo.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, todo.GetProperty("completedOn").ValueKind);
    }

    [Fact]
    public async Task UpdateMilestone_TitleOnly_KeepsOtherFields()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Merge" }));
        var a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "A" }));
        var b = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "B", dueDate = "2025-04-01", estimateHours = 3, targetValue = 7, dependsOn = new[] { a } }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{b}", new { title = "B, renamed" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var milestone = await response.ReadJsonAsync();
        Assert.Equal("B, renamed", milestone.GetProperty("title").GetString());
        Assert.Equal("2025-04-01", milestone.GetProperty("dueDate").GetString());
        Assert.Equal(3, milestone.GetProperty("estimateHours").GetDouble());
        Assert.Equal(7, milestone.GetProperty("targetValue").GetDouble());
        Assert.Equal([a], Ids(milestone.GetProperty("dependsOn")));
        Assert.Equal("todo", milestone.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateMilestone_Unknown_Returns404()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Nothing here" }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{Guid.NewGuid()}", new { title = "Ghost" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetRoadmap_SmallPlan_SchedulesAsComputedByHand()
    {
        var user = await app.CreateUserAsync();
        // 7 hours a week: 1 hour a day.
        var goal = Id(await CreateGoalAsync(user, new { title = "Ship a side project", weeklyCapacityHours = 7 }));
        var learn = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Learn the basics", dueDate = "2025-03-12", estimateHours = 3 }));
        var build = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Build it", dueDate = "2025-03-14", estimateHours = 4.5, dependsOn = new[] { learn } }));
        var write = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Write it up", estimateHours = 2 }));
        var review = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Review", dueDate = "2025-03-20", dependsOn = new[] { build } }));
        var setup = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Set up", estimateHours = 5 }));
        var polish = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Polish", estimateHours = 1 }));
        var idea = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Pick an idea", estimateHours = 2 }));
        await MarkDoneAsync(user, goal, setup, "2025-03-05");
        await MarkDoneAsync(user, goal, polish, "2025-03-20");
        await MarkDoneAsync(user, goal, idea, "2025-03-01");
        // One hour on "learn" counts as of 2025-03-10; the two hours of 2025-03-11 do not yet.
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-03-08", minutes = 60, milestoneId = learn });
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-03-11", minutes = 120, milestoneId = learn });

        var roadmap = await RoadmapAsync(user, goal, "2025-03-10");

        // Ready at first: learn (due 03-12), write and polish (no due date; polish is done only on 03-20).
        // learn frees build (due 03-14), which frees review (due 03-20): both come before the undated ones.
        // learn [0, 2) → 03-10..03-11; build [2, 6.5) → 03-12..03-16, late for 03-14; review [6.5, 6.5) → 03-16;
        // write [6.5, 8.5) → 03-16..03-18; polish [8.5, 9.5) → 03-18..03-19. Then the done ones by completion date.
        Assert.Equal([learn, build, review, write, polish, idea, setup], Items(roadmap).Select(Id));
        Assert.Equal(learn, roadmap.GetProperty("next").GetString());
        Assert.Equal("2025-03-19", roadmap.GetProperty("projectedFinish").GetString());
        AssertTodo(Item(roadmap, learn), remainingHours: 2, "2025-03-10", "2025-03-11", late: false, blockedBy: []);
        AssertTodo(Item(roadmap, build), remainingHours: 4.5, "2025-03-12", "2025-03-16", late: true, blockedBy: [learn]);
        AssertTodo(Item(roadmap, review), remainingHours: 0, "2025-03-16", "2025-03-16", late: false, blockedBy: [build]);
        AssertTodo(Item(roadmap, write), remainingHours: 2, "2025-03-16", "2025-03-18", late: false, blockedBy: []);
        AssertTodo(Item(roadmap, polish), remainingHours: 1, "2025-03-18", "2025-03-19", late: false, blockedBy: []);
        AssertDone(Item(roadmap, idea));
        AssertDone(Item(roadmap, setup));
    }

    [Fact]
    public async Task GetRoadmap_LaterAsOf_CountsLaterWorkAndLaterCompletions()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Ship a side project", weeklyCapacityHours = 7 }));
        var learn = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Learn the basics", dueDate = "2025-03-12", estimateHours = 3 }));
        var build = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Build it", dueDate = "2025-03-14", estimateHours = 4.5, dependsOn = new[] { learn } }));
        var review = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Review", dueDate = "2025-03-20", dependsOn = new[] { build } }));
        var polish = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Polish", estimateHours = 1 }));
        await MarkDoneAsync(user, goal, polish, "2025-03-20");
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-03-08", minutes = 60, milestoneId = learn });
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-03-11", minutes = 120, milestoneId = learn });

        var roadmap = await RoadmapAsync(user, goal, "2025-03-25");

        // As of 03-25 all three hours on "learn" count (0 left), and polish is done.
        // learn [0, 0) → 03-25, late for 03-12; build [0, 4.5) → 03-25..03-29, late; review [4.5, 4.5) → 03-29, late for 03-20.
        Assert.Equal([learn, build, review, polish], Items(roadmap).Select(Id));
        Assert.Equal(learn, roadmap.GetProperty("next").GetString());
        Assert.Equal("2025-03-29", roadmap.GetProperty("projectedFinish").GetString());
        AssertTodo(Item(roadmap, learn), remainingHours: 0, "2025-03-25", "2025-03-25", late: true, blockedBy: []);
        AssertTodo(Item(roadmap, build), remainingHours: 4.5, "2025-03-25", "2025-03-29", late: true, blockedBy: [learn]);
        AssertTodo(Item(roadmap, review), remainingHours: 0, "2025-03-29", "2025-03-29", late: true, blockedBy: [build]);
        AssertDone(Item(roadmap, polish));
    }

    [Fact]
    public async Task GetRoadmap_DoneDependency_IsNotBlocking()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Unblocked", weeklyCapacityHours = 14 }));
        var first = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "First", estimateHours = 1 }));
        var second = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Second", estimateHours = 3, dependsOn = new[] { first } }));
        await MarkDoneAsync(user, goal, first, "2025-02-27");

        var before = await RoadmapAsync(user, goal, "2025-02-26");
        var after = await RoadmapAsync(user, goal, "2025-02-28");

        // As of 02-26 "first" is still to do: [0, 0.5) → 02-26; "second" [0.5, 2) at 2 h a day → 02-26..02-27.
        Assert.Equal([first, second], Items(before).Select(Id));
        AssertTodo(Item(before, first), remainingHours: 1, "2025-02-26", "2025-02-26", late: false, blockedBy: []);
        AssertTodo(Item(before, second), remainingHours: 3, "2025-02-26", "2025-02-27", late: false, blockedBy: [first]);
        // As of 02-28 "first" is done: "second" [0, 1.5) → 02-28..03-01, blocked by nothing.
        Assert.Equal([second, first], Items(after).Select(Id));
        Assert.Equal(second, after.GetProperty("next").GetString());
        Assert.Equal("2025-03-01", after.GetProperty("projectedFinish").GetString());
        AssertTodo(Item(after, second), remainingHours: 3, "2025-02-28", "2025-03-01", late: false, blockedBy: []);
        AssertDone(Item(after, first));
    }

    [Fact]
    public async Task GetRoadmap_ZeroHourMilestone_FinishesOnItsStartDay()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Quick", weeklyCapacityHours = 7 }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Decide", dueDate = "2025-04-01" }));

        var roadmap = await RoadmapAsync(user, goal, "2025-04-01");

        Assert.Equal(milestone, roadmap.GetProperty("next").GetString());
        Assert.Equal("2025-04-01", roadmap.GetProperty("projectedFinish").GetString());
        AssertTodo(Item(roadmap, milestone), remainingHours: 0, "2025-04-01", "2025-04-01", late: false, blockedBy: []);
    }

    [Fact]
    public async Task GetRoadmap_WithoutAsOf_SchedulesFromToday()
    {
        var user = await app.CreateUserAsync();
        // 3.5 hours a week: half an hour a day, so 1.5 hours take 3 days.
        var goal = Id(await CreateGoalAsync(user, new { title = "Slowly", weeklyCapacityHours = 3.5 }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Read a book", dueDate = "2025-03-02", estimateHours = 1.5 }));

        var roadmap = await GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap");

        Assert.Equal("2025-03-03", roadmap.GetProperty("projectedFinish").GetString());
        AssertTodo(Item(roadmap, milestone), remainingHours: 1.5, "2025-03-01", "2025-03-03", late: true, blockedBy: []);
    }

    [Fact]
    public async Task GetRoadmap_WithoutAsOf_SchedulesFromTodayInUsersTimeZone()
    {
        // 2025-03-01T12:00Z is already 2025-03-02 at UTC+14.
        var user = await app.CreateUserAsync(timeZone: "Pacific/Kiritimati");
        var goal = Id(await CreateGoalAsync(user, new { title = "Far east", weeklyCapacityHours = 7 }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Two hours", estimateHours = 2 }));

        var roadmap = await GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap");

        AssertTodo(Item(roadmap, milestone), remainingHours: 2, "2025-03-02", "2025-03-03", late: false, blockedBy: []);
    }

    [Fact]
    public async Task GetRoadmap_MoreWorkLoggedThanEstimated_LeavesZeroHours()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Overdone", weeklyCapacityHours = 7 }));
        var first = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "First", estimateHours = 1 }));
        var second = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Second", estimateHours = 1 }));
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-20", minutes = 150, milestoneId = first });

        var roadmap = await RoadmapAsync(user, goal, "2025-02-25");

        // max(0, 1 − 2.5) = 0: first [0, 0) → 02-25; second [0, 1) → 02-25.
        AssertTodo(Item(roadmap, first), remainingHours: 0, "2025-02-25", "2025-02-25", late: false, blockedBy: []);
        AssertTodo(Item(roadmap, second), remainingHours: 1, "2025-02-25", "2025-02-25", late: false, blockedBy: []);
    }

    [Fact]
    public async Task GetRoadmap_DependencyDoneAfterAsOf_StillBlocks()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Order", weeklyCapacityHours = 7 }));
        var urgent = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Urgent", dueDate = "2025-03-02", estimateHours = 1 }));
        var license = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "License", estimateHours = 2 }));
        var fly = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Fly", dueDate = "2025-03-01", estimateHours = 1, dependsOn = new[] { license } }));
        await MarkDoneAsync(user, goal, license, "2025-03-05");

        var roadmap = await RoadmapAsync(user, goal, "2025-03-01");

        // As of 03-01 the license is not done yet: "fly" waits for it although its due date is the earliest.
        // urgent [0, 1) → 03-01; license [1, 3) → 03-02..03-03; fly [3, 4) → 03-04, late for 03-01.
        Assert.Equal([urgent, license, fly], Items(roadmap).Select(Id));
        AssertTodo(Item(roadmap, urgent), remainingHours: 1, "2025-03-01", "2025-03-01", late: false, blockedBy: []);
        AssertTodo(Item(roadmap, license), remainingHours: 2, "2025-03-02", "2025-03-03", late: false, blockedBy: []);
        AssertTodo(Item(roadmap, fly), remainingHours: 1, "2025-03-04", "2025-03-04", late: true, blockedBy: [license]);
    }

    [Fact]
    public async Task GetRoadmap_FinishAfterYear2999_IsNullAndLate()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Forever", weeklyCapacityHours = 7 }));
        var endless = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "Endless", dueDate = "2030-01-01", estimateHours = 1e12 }));
        var after = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones",
            new { title = "After", dueDate = "2030-01-02", dependsOn = new[] { endless } }));

        var roadmap = await RoadmapAsync(user, goal, "2025-03-01");

        // 1e12 hours at 1 hour a day end some 2.7 billion years later: past 2999-12-31, so null.
        var first = Item(roadmap, endless);
        Assert.Equal("2025-03-01", first.GetProperty("projectedStart").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("projectedFinish").ValueKind);
        Assert.True(first.GetProperty("late").GetBoolean());
        var second = Item(roadmap, after);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("projectedStart").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("projectedFinish").ValueKind);
        Assert.True(second.GetProperty("late").GetBoolean());
        Assert.Equal(JsonValueKind.Null, roadmap.GetProperty("projectedFinish").ValueKind);
    }

    [Fact]
    public async Task GetRoadmap_AfterCapacityChange_Reschedules()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Speed up", weeklyCapacityHours = 7 }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Ten hours", estimateHours = 10 }));
        var slow = await RoadmapAsync(user, goal, "2025-03-01");

        using var patched = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}", new { weeklyCapacityHours = 35 });
        await patched.AssertStatusAsync(HttpStatusCode.OK);
        var fast = await RoadmapAsync(user, goal, "2025-03-01");

        // 1 hour a day: [0, 10) → 03-01..03-10. 5 hours a day: [0, 2) → 03-01..03-02.
        Assert.Equal("2025-03-10", Item(slow, milestone).GetProperty("projectedFinish").GetString());
        Assert.Equal("2025-03-02", Item(fast, milestone).GetProperty("projectedFinish").GetString());
        Assert.Equal("2025-03-02", fast.GetProperty("projectedFinish").GetString());
    }

    [Fact]
    public async Task GetRoadmap_AfterWorkLogged_ShowsFewerHours()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Progressing", weeklyCapacityHours = 7 }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Five hours", estimateHours = 5 }));
        var before = await RoadmapAsync(user, goal, "2025-03-01");

        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-03-01", minutes = 90, milestoneId = milestone });
        var after = await RoadmapAsync(user, goal, "2025-03-01");

        // 5 − 1.5 = 3.5 hours: [0, 3.5) → 03-01..03-04.
        AssertTodo(Item(before, milestone), remainingHours: 5, "2025-03-01", "2025-03-05", late: false, blockedBy: []);
        AssertTodo(Item(after, milestone), remainingHours: 3.5, "2025-03-01", "2025-03-04", late: false, blockedBy: []);
    }

    [Fact]
    public async Task GetRoadmap_NothingToDo_HasNoNextAndNoFinish()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "All done" }));
        var empty = await RoadmapAsync(user, goal, "2025-03-01");
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Only", estimateHours = 2 }));
        await MarkDoneAsync(user, goal, milestone, "2025-02-10");

        var done = await RoadmapAsync(user, goal, "2025-03-01");

        Assert.Empty(Items(empty));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("projectedFinish").ValueKind);
        Assert.Equal(JsonValueKind.Null, done.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, done.GetProperty("projectedFinish").ValueKind);
        AssertDone(Item(done, milestone));
    }

    [Fact]
    public async Task GetRoadmap_BadAsOf_Returns400NamingAsOf()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Dates" }));

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/roadmap?asOf=2025-02-30", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "asOf");
    }

    [Fact]
    public async Task DeleteMilestone_Dependency_Returns204AndRemovesItFromOthersDependsOn()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Prune", weeklyCapacityHours = 7 }));
        var a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "A", estimateHours = 1 }));
        var b = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "B", estimateHours = 1 }));
        var c = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "C", estimateHours = 1, dependsOn = new[] { a, b } }));
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-20", minutes = 30, milestoneId = a });

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/milestones/{a}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        var roadmap = await RoadmapAsync(user, goal, "2025-03-01");
        Assert.Equal([b, c], Items(roadmap).Select(Id));
        Assert.Equal([b], Ids(Item(roadmap, c).GetProperty("blockedBy")));
        using var patched = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{c}", new { title = "C again" });
        await patched.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal([b], Ids((await patched.ReadJsonAsync()).GetProperty("dependsOn")));
        using var again = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/milestones/{a}", Cancellation);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MilestoneEndpoints_AnotherUsersGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var milestone = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Mine", estimateHours = 2 }));
        var before = await RoadmapTextAsync(owner, goal, "2025-03-01");

        using var post = await stranger.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones", new { title = "Intruder" });
        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { status = "done" });
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{goal}/milestones/{milestone}", Cancellation);
        using var get = await stranger.Api.GetAsync($"/api/v1/goals/{goal}/roadmap", Cancellation);

        await post.AssertProblemAsync(HttpStatusCode.NotFound);
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await RoadmapTextAsync(owner, goal, "2025-03-01"));
    }

    [Fact]
    public async Task MilestoneEndpoints_MilestoneOfAnotherUserThroughOwnGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var milestone = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Mine" }));
        var strangersGoal = Id(await CreateGoalAsync(stranger, new { title = "Theirs" }));
        var before = await RoadmapTextAsync(owner, goal, "2025-03-01");

        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{strangersGoal}/milestones/{milestone}", new { title = "Taken" });
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{strangersGoal}/milestones/{milestone}", Cancellation);
        using var depend = await stranger.Api.PostJsonAsync($"/api/v1/goals/{strangersGoal}/milestones",
            new { title = "Leans on theirs", dependsOn = new[] { milestone } });

        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        await depend.AssertProblemAsync(HttpStatusCode.BadRequest, "dependsOn");
        Assert.Equal(before, await RoadmapTextAsync(owner, goal, "2025-03-01"));
        Assert.Empty(Items(await RoadmapAsync(stranger, strangersGoal, "2025-03-01")));
    }

    [Fact]
    public async Task MilestoneEndpoints_ReadScopedToken_Return403ForChangesAndChangeNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Look only" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Mine", estimateHours = 2 }));
        var before = await RoadmapTextAsync(user, goal, "2025-03-01");
        var token = await user.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(token.Secret);

        using var post = await reader.PostJsonAsync($"/api/v1/goals/{goal}/milestones", new { title = "Sneaky" });
        using var patch = await reader.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { status = "done" });
        using var delete = await reader.DeleteAsync($"/api/v1/goals/{goal}/milestones/{milestone}", Cancellation);
        using var get = await reader.GetAsync($"/api/v1/goals/{goal}/roadmap?asOf=2025-03-01", Cancellation);

        await post.AssertProblemAsync(HttpStatusCode.Forbidden);
        await patch.AssertProblemAsync(HttpStatusCode.Forbidden);
        await delete.AssertProblemAsync(HttpStatusCode.Forbidden);
        await get.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(before, (await get.ReadJsonAsync()).GetRawText());
        Assert.Equal(before, await RoadmapTextAsync(user, goal, "2025-03-01"));
    }

    private static async Task MarkDoneAsync(TestUser user, string goal, string milestone, string completedOn)
    {
        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { status = "done", completedOn });
        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AddMilestone_FromAttemptOfTheGoal_Returns201LinkedAndPatchNullClears()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become an astronaut" }));
        var attempt = Id(await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "1990", date = "1990-07-01", outcome = "failed" }));
        var later = Id(await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "1996", date = "1996-07-01", outcome = "failed" }));

        var milestone = await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Pilot's license", fromAttemptId = attempt });
        using var moved = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{Id(milestone)}", new { fromAttemptId = later });
        using var kept = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{Id(milestone)}", new { estimateHours = 120 });
        var beforeClearing = (await kept.ReadJsonAsync()).GetProperty("fromAttemptId").GetString();
        var scheduled = Assert.Single((await RoadmapAsync(user, goal, "2025-06-01")).GetProperty("items").EnumerateArray());
        using var cleared = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{Id(milestone)}", new { fromAttemptId = (string?)null });

        Assert.Equal(attempt, milestone.GetProperty("fromAttemptId").GetString());
        await moved.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(later, (await moved.ReadJsonAsync()).GetProperty("fromAttemptId").GetString());
        Assert.Equal(later, beforeClearing);
        Assert.Equal(later, scheduled.GetProperty("fromAttemptId").GetString());
        await cleared.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await cleared.ReadJsonAsync()).GetProperty("fromAttemptId").ValueKind);
        var stored = Assert.Single((await RoadmapAsync(user, goal, "2025-06-01")).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("fromAttemptId").ValueKind);
        Assert.Equal(120, stored.GetProperty("estimateHours").GetDouble());
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("malformed")]
    [InlineData("another goal's")]
    public async Task AddAndUpdateMilestone_FromAttemptNotOfTheGoal_Return400NamingFieldAndChangeNothing(string which)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become an astronaut" }));
        var otherGoal = Id(await CreateGoalAsync(user, new { title = "Run a marathon" }));
        var elsewhere = Id(await PostAsync(user, $"/api/v1/goals/{otherGoal}/attempts", new { title = "Boston", date = "2025-04-21", outcome = "failed" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Pilot's license" }));
        var before = (await RoadmapAsync(user, goal, "2025-06-01")).GetRawText();
        var fromAttemptId = which switch
        {
            "unknown" => Guid.NewGuid().ToString(),
            "malformed" => "not-an-id",
            _ => elsewhere,
        };

        using var post = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/milestones", new { title = "Scuba", fromAttemptId });
        using var patch = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{milestone}", new { fromAttemptId });

        await post.AssertProblemAsync(HttpStatusCode.BadRequest, "fromAttemptId");
        await patch.AssertProblemAsync(HttpStatusCode.BadRequest, "fromAttemptId");
        Assert.Equal(before, (await RoadmapAsync(user, goal, "2025-06-01")).GetRawText());
    }

    private static Task<JsonElement> RoadmapAsync(TestUser user, string goal, string asOf) =>
        GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap?asOf={asOf}");

    private static async Task<string> RoadmapTextAsync(TestUser user, string goal, string asOf) =>
        (await RoadmapAsync(user, goal, asOf)).GetRawText();

    private static List<JsonElement> Items(JsonElement roadmap) => [.. roadmap.GetProperty("items").EnumerateArray()];

    private static JsonElement Item(JsonElement roadmap, string id) => Assert.Single(Items(roadmap), item => Id(item) == id);

    private static List<string> Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static void AssertTodo(JsonElement item, double remainingHours, string projectedStart, string projectedFinish, bool late, string[] blockedBy)
    {
        Assert.Equal("todo", item.GetProperty("status").GetString());
        Assert.Equal(remainingHours, item.GetProperty("remainingHours").GetDouble(), 9);
        Assert.Equal(projectedStart, item.GetProperty("projectedStart").GetString());
        Assert.Equal(projectedFinish, item.GetProperty("projectedFinish").GetString());
        Assert.Equal(late, item.GetProperty("late").GetBoolean());
        Assert.Equal(blockedBy, Ids(item.GetProperty("blockedBy")));
    }

    private static void AssertDone(JsonElement item)
    {
        Assert.Equal("done", item.GetProperty("status").GetString());
        Assert.Equal(0, item.GetProperty("remainingHours").GetDouble());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("projectedStart").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("projectedFinish").ValueKind);
        Assert.False(item.GetProperty("late").GetBoolean());
    }
}

public sealed class RoadmapTests_Sqlite(SqliteApp app) : RoadmapTests(app);

public sealed class RoadmapTests_Postgres(PostgresApp app) : RoadmapTests(app);
