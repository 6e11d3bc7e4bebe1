using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Perseverance;

public abstract class PerseveranceTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordAttempt_Valid_Returns201WithLocationAndNumberedAttempt()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become a NASA astronaut" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/attempts", new
        {
            title = " Application 1 ",
            date = "2025-01-15",
            outcome = "failed",
            feedback = "Not selected this round.",
            lesson = "Get a pilot's license.",
        });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var attempt = await response.ReadJsonAsync();
        var id = Id(attempt);
        Assert.EndsWith($"/api/v1/goals/{goal}/attempts/{id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, attempt.GetProperty("number").GetInt32());
        Assert.Equal("Application 1", attempt.GetProperty("title").GetString());
        Assert.Equal("2025-01-15", attempt.GetProperty("date").GetString());
        Assert.Equal("failed", attempt.GetProperty("outcome").GetString());
        Assert.Equal("Not selected this round.", attempt.GetProperty("feedback").GetString());
        Assert.Equal("Get a pilot's license.", attempt.GetProperty("lesson").GetString());
    }

    [Fact]
    public async Task RecordAttempt_Minimal_HasNullFeedbackAndLesson()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Pass the bar" }));

        var attempt = await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title = "July exam", date = "2025-02-01", outcome = "pending" });

        Assert.Equal("pending", attempt.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("feedback").ValueKind);
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("lesson").ValueKind);
    }

    [Fact]
    public async Task ListAttempts_MixedDates_NumbersInDateOrderThenCreationOrderWithStatistics()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become a NASA astronaut" }));
        var second = await RecordAsync(user, goal, "Second application", "2025-02-10", "failed");
        var first = await RecordAsync(user, goal, "First application", "2025-01-05", "failed");
        var third = await RecordAsync(user, goal, "Third application", "2025-02-10", "succeeded");
        var fourth = await RecordAsync(user, goal, "Fourth application", "2025-03-01", "pending");

        var attempts = await AttemptsAsync(user, goal, "2025-03-01");

        // Recorded out of order: when they were answered, each had the number of its place then.
        Assert.Equal(1, second.GetProperty("number").GetInt32());
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(3, third.GetProperty("number").GetInt32());
        Assert.Equal(4, fourth.GetProperty("number").GetInt32());
        Assert.Equal([(Id(first), 1), (Id(second), 2), (Id(third), 3), (Id(fourth), 4)], Numbers(attempts));
        AssertStatistics(attempts, total: 4, succeeded: 1, failed: 2, pending: 1, attemptsToFirstSuccess: 3);
        var item = Items(attempts)[1];
        Assert.Equal("Second application", item.GetProperty("title").GetString());
        Assert.Equal("2025-02-10", item.GetProperty("date").GetString());
        Assert.Equal("failed", item.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ListAttempts_AsOf_HidesLaterAttempts()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Audition" }));
        var second = Id(await RecordAsync(user, goal, "Callback", "2025-02-10", "failed"));
        var first = Id(await RecordAsync(user, goal, "Open call", "2025-01-05", "failed"));
        var third = Id(await RecordAsync(user, goal, "Final", "2025-02-10", "succeeded"));
        await RecordAsync(user, goal, "Encore", "2025-03-01", "pending");

        var early = await AttemptsAsync(user, goal, "2025-02-09");
        var onTheDay = await AttemptsAsync(user, goal, "2025-02-10");
        var before = await AttemptsAsync(user, goal, "2025-01-04");

        Assert.Equal([(first, 1)], Numbers(early));
        AssertStatistics(early, total: 1, succeeded: 0, failed: 1, pending: 0, attemptsToFirstSuccess: null);
        Assert.Equal([(first, 1), (second, 2), (third, 3)], Numbers(onTheDay));
        AssertStatistics(onTheDay, total: 3, succeeded: 1, failed: 2, pending: 0, attemptsToFirstSuccess: 3);
        Assert.Empty(Items(before));
        AssertStatistics(before, total: 0, succeeded: 0, failed: 0, pending: 0, attemptsToFirstSuccess: null);
    }

    [Fact]
    public async Task RecordAttempt_ManyOnOneDayConcurrently_NumbersEachOnce()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Tryouts" }));

        var recorded = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            RecordAsync(user, goal, $"Heat {i}", "2025-02-15", i == 5 ? "succeeded" : "failed")));
        var attempts = await AttemptsAsync(user, goal, "2025-03-01");

        var numbers = Numbers(attempts);
        Assert.Equal(Enumerable.Range(1, 8), numbers.Select(n => n.Number));
        Assert.Equal(recorded.Select(Id).Order(StringComparer.Ordinal), numbers.Select(n => n.Id).Order(StringComparer.Ordinal));
        // Each answer's number is the attempt's place once it was saved; no two answers share one.
        Assert.Equal(8, recorded.Select(r => r.GetProperty("number").GetInt32()).Distinct().Count());
        var heat5 = numbers.Single(n => n.Id == Id(recorded[4])).Number;
        AssertStatistics(attempts, total: 8, succeeded: 1, failed: 7, pending: 0, attemptsToFirstSuccess: heat5);
    }

    [Fact]
    public async Task UpdateAttempt_Outcome_Returns200WholeAttemptAndUpdatesStatistics()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Marathon qualifier" }));
        await RecordAsync(user, goal, "Spring race", "2025-01-10", "failed");
        var autumn = Id(await PostAsync(user, $"/api/v1/goals/{goal}/attempts",
            new { title = "Autumn race", date = "2025-02-10", outcome = "pending", feedback = "Waiting for results" }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{autumn}", new { outcome = "succeeded" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var attempt = await response.ReadJsonAsync();
        Assert.Equal(autumn, Id(attempt));
        Assert.Equal(2, attempt.GetProperty("number").GetInt32());
        Assert.Equal("succeeded", attempt.GetProperty("outcome").GetString());
        Assert.Equal("Autumn race", attempt.GetProperty("title").GetString());
        Assert.Equal("2025-02-10", attempt.GetProperty("date").GetString());
        Assert.Equal("Waiting for results", attempt.GetProperty("feedback").GetString());
        AssertStatistics(await AttemptsAsync(user, goal, "2025-03-01"), total: 2, succeeded: 1, failed: 1, pending: 0, attemptsToFirstSuccess: 2);
    }

    [Fact]
    public async Task UpdateAttempt_DateOntoAnEarlierDay_RenumbersByCreationOrderOnThatDay()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Exams" }));
        var late = Id(await RecordAsync(user, goal, "Late", "2025-02-20", "failed"));
        var early = Id(await RecordAsync(user, goal, "Early", "2025-01-20", "succeeded"));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{late}", new { date = "2025-01-20" });

        // Same date now: the one created first ("Late") comes first.
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("number").GetInt32());
        var attempts = await AttemptsAsync(user, goal, "2025-03-01");
        Assert.Equal([(late, 1), (early, 2)], Numbers(attempts));
        AssertStatistics(attempts, total: 2, succeeded: 1, failed: 1, pending: 0, attemptsToFirstSuccess: 2);
    }

    [Fact]
    public async Task UpdateAttempt_ClearLesson_SetsItNull()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Lessons" }));
        var attempt = Id(await PostAsync(user, $"/api/v1/goals/{goal}/attempts",
            new { title = "Try", date = "2025-02-01", outcome = "failed", lesson = "Something" }));

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{attempt}", new { lesson = (string?)null });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var patched = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("lesson").ValueKind);
        Assert.Equal("failed", patched.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("""{ "title": "Try", "date": "2025-02-01", "outcome": "won" }""")]
    [InlineData("""{ "title": "Try", "date": "2025-02-01", "outcome": "Succeeded!" }""")]
    [InlineData("""{ "title": "Try", "date": "2025-02-01", "outcome": 1 }""")]
    [InlineData("""{ "title": "Try", "date": "2025-02-01" }""")]
    public async Task RecordAttempt_BadOrMissingOutcome_Returns400NamingOutcomeAndCreatesNothing(string body)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Outcomes" }));

        using var content = Json(body);
        using var response = await user.Api.PostAsync($"/api/v1/goals/{goal}/attempts", content, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        Assert.Empty(Items(await AttemptsAsync(user, goal, "2025-03-01")));
    }

    [Theory]
    [InlineData("title", """{ "title": " ", "date": "2025-02-01", "outcome": "failed" }""")]
    [InlineData("date", """{ "title": "Try", "outcome": "failed" }""")]
    [InlineData("date", """{ "title": "Try", "date": "1899-12-31", "outcome": "failed" }""")]
    [InlineData("date", """{ "title": "Try", "date": "2025-02-31", "outcome": "failed" }""")]
    public async Task RecordAttempt_InvalidField_Returns400NamingItAndCreatesNothing(string field, string body)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Fields" }));

        using var content = Json(body);
        using var response = await user.Api.PostAsync($"/api/v1/goals/{goal}/attempts", content, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(Items(await AttemptsAsync(user, goal, "2025-03-01")));
    }

    [Theory]
    [InlineData("title", 201)]
    [InlineData("feedback", 10_001)]
    [InlineData("lesson", 10_001)]
    public async Task RecordAttempt_TextOverItsLimit_Returns400NamingIt(string field, int length)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Long words" }));
        var body = new Dictionary<string, object> { ["title"] = "Try", ["date"] = "2025-02-01", ["outcome"] = "failed" };
        body[field] = new string('x', length);

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/attempts", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty(Items(await AttemptsAsync(user, goal, "2025-03-01")));
    }

    [Fact]
    public async Task RecordAttempt_TextsAtTheirLimits_Returns201KeepingThemWhole()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Long words" }));
        var title = new string('t', 200);
        var feedback = new string('f', 10_000);
        var lesson = new string('l', 10_000);

        var attempt = await PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title, date = "2025-02-01", outcome = "failed", feedback, lesson });

        Assert.Equal(title, attempt.GetProperty("title").GetString());
        var listed = Assert.Single(Items(await AttemptsAsync(user, goal, "2025-03-01")));
        Assert.Equal(feedback, listed.GetProperty("feedback").GetString());
        Assert.Equal(lesson, listed.GetProperty("lesson").GetString());
    }

    [Fact]
    public async Task UpdateAttempt_UnknownOutcome_Returns400NamingOutcomeAndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Outcomes" }));
        var attempt = Id(await RecordAsync(user, goal, "Try", "2025-02-01", "pending"));
        var before = (await AttemptsAsync(user, goal, "2025-03-01")).GetRawText();

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{attempt}", new { title = "Renamed", outcome = "won" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        Assert.Equal(before, (await AttemptsAsync(user, goal, "2025-03-01")).GetRawText());
    }

    [Fact]
    public async Task DeleteAttempt_Earliest_Returns204AndRenumbersTheRest()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Renumber" }));
        var first = Id(await RecordAsync(user, goal, "First", "2025-01-05", "failed"));
        var second = Id(await RecordAsync(user, goal, "Second", "2025-01-20", "failed"));
        var third = Id(await RecordAsync(user, goal, "Third", "2025-02-10", "succeeded"));

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/attempts/{first}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        var attempts = await AttemptsAsync(user, goal, "2025-03-01");
        Assert.Equal([(second, 1), (third, 2)], Numbers(attempts));
        AssertStatistics(attempts, total: 2, succeeded: 1, failed: 1, pending: 0, attemptsToFirstSuccess: 2);
        using var again = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/attempts/{first}", Cancellation);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        using var patch = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{first}", new { outcome = "succeeded" });
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AttemptEndpoints_AnotherUsersGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var attempt = Id(await RecordAsync(owner, goal, "Mine", "2025-02-01", "pending"));
        var before = (await AttemptsAsync(owner, goal, "2025-03-01")).GetRawText();

        using var post = await stranger.Api.PostJsonAsync($"/api/v1/goals/{goal}/attempts", new { title = "Intruder", date = "2025-02-02", outcome = "failed" });
        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{attempt}", new { outcome = "failed" });
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{goal}/attempts/{attempt}", Cancellation);
        using var get = await stranger.Api.GetAsync($"/api/v1/goals/{goal}/attempts", Cancellation);

        await post.AssertProblemAsync(HttpStatusCode.NotFound);
        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, (await AttemptsAsync(owner, goal, "2025-03-01")).GetRawText());
    }

    [Fact]
    public async Task AttemptEndpoints_AttemptOfAnotherUserThroughOwnGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var attempt = Id(await RecordAsync(owner, goal, "Mine", "2025-02-01", "pending"));
        var strangersGoal = Id(await CreateGoalAsync(stranger, new { title = "Theirs" }));
        var before = (await AttemptsAsync(owner, goal, "2025-03-01")).GetRawText();

        using var patch = await stranger.Api.PatchJsonAsync($"/api/v1/goals/{strangersGoal}/attempts/{attempt}", new { outcome = "failed" });
        using var delete = await stranger.Api.DeleteAsync($"/api/v1/goals/{strangersGoal}/attempts/{attempt}", Cancellation);

        await patch.AssertProblemAsync(HttpStatusCode.NotFound);
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, (await AttemptsAsync(owner, goal, "2025-03-01")).GetRawText());
    }

    [Fact]
    public async Task AttemptEndpoints_ReadScopedToken_Return403ForChangesAndChangeNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Look only" }));
        var attempt = Id(await RecordAsync(user, goal, "Mine", "2025-02-01", "pending"));
        var before = (await AttemptsAsync(user, goal, "2025-03-01")).GetRawText();
        var token = await user.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(token.Secret);

        using var post = await reader.PostJsonAsync($"/api/v1/goals/{goal}/attempts", new { title = "Sneaky", date = "2025-02-02", outcome = "failed" });
        using var patch = await reader.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{attempt}", new { outcome = "succeeded" });
        using var delete = await reader.DeleteAsync($"/api/v1/goals/{goal}/attempts/{attempt}", Cancellation);
        using var get = await reader.GetAsync($"/api/v1/goals/{goal}/attempts?asOf=2025-03-01", Cancellation);

        await post.AssertProblemAsync(HttpStatusCode.Forbidden);
        await patch.AssertProblemAsync(HttpStatusCode.Forbidden);
        await delete.AssertProblemAsync(HttpStatusCode.Forbidden);
        await get.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(before, (await get.ReadJsonAsync()).GetRawText());
        Assert.Equal(before, (await AttemptsAsync(user, goal, "2025-03-01")).GetRawText());
    }

    [Fact]
    public async Task ListAttempts_FailuresFollowedByOthers_ComebackDaysAndTheirMedian()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become a NASA astronaut" }));
        await RecordAsync(user, goal, "First", "2025-01-01", "failed");
        await RecordAsync(user, goal, "Second", "2025-01-11", "failed");
        await RecordAsync(user, goal, "Third", "2025-03-02", "succeeded");
        await RecordAsync(user, goal, "Fourth", "2025-04-01", "failed");

        var attempts = await AttemptsAsync(user, goal, "2025-06-01");

        Assert.Equal([10, 50, null, null], Comebacks(attempts));
        Assert.Equal(30, attempts.GetProperty("medianComebackDays").GetDouble());
        Assert.Equal(0, attempts.GetProperty("lessonsApplied").GetInt32());
        Assert.All(Items(attempts), a => Assert.Empty(a.GetProperty("appliedIn").EnumerateArray()));
    }

    [Fact]
    public async Task ListAttempts_AsOf_ComebacksCountOnlyAttemptsDatedByThen()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Audition" }));
        await RecordAsync(user, goal, "Open call", "2025-01-01", "failed");
        await RecordAsync(user, goal, "Callback", "2025-01-04", "failed");
        await RecordAsync(user, goal, "Final", "2025-01-20", "failed");

        var early = await AttemptsAsync(user, goal, "2025-01-10");
        var later = await AttemptsAsync(user, goal, "2025-01-20");
        var none = await AttemptsAsync(user, goal, "2024-12-31");

        // As of the 10th the callback is the last attempt: no comeback after it yet.
        Assert.Equal([3, null], Comebacks(early));
        Assert.Equal(3, early.GetProperty("medianComebackDays").GetDouble());
        Assert.Equal([3, 16, null], Comebacks(later));
        Assert.Equal(9.5, later.GetProperty("medianComebackDays").GetDouble());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("medianComebackDays").ValueKind);
        Assert.Equal(0, none.GetProperty("lessonsApplied").GetInt32());
    }

    [Fact]
    public async Task ListAttempts_LessonsBecameSkillsAndMilestones_AppliedInCreationOrderAndCounted()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become a NASA astronaut" }));
        var first = Id(await RecordAsync(user, goal, "1990", "1990-07-01", "failed"));
        var second = Id(await RecordAsync(user, goal, "1991", "1991-07-01", "failed"));
        var third = Id(await RecordAsync(user, goal, "1992", "1992-07-01", "failed"));
        var pilot = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Pilot's license", fromAttemptId = first }));
        var flying = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Flying", level = 1, targetLevel = 4, fromAttemptId = first }));
        var diving = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Diving", level = 0, targetLevel = 4, fromAttemptId = second }));
        var hours = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Flight hours", fromAttemptId = first }));

        var attempts = await AttemptsAsync(user, goal, "2000-01-01");

        Assert.Equal([("milestone", pilot), ("skill", flying), ("milestone", hours)], AppliedIn(Items(attempts)[0]));
        Assert.Equal([("skill", diving)], AppliedIn(Items(attempts)[1]));
        Assert.Empty(AppliedIn(Items(attempts)[2]));
        Assert.Equal(2, attempts.GetProperty("lessonsApplied").GetInt32());
        Assert.Equal(third, Id(Items(attempts)[2]));
    }

    [Fact]
    public async Task RecordAndUpdateAttempt_Answers_CarryAppliedInAndComebackAmongAllAttempts()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Pass the bar" }));
        var recorded = await RecordAsync(user, goal, "February exam", "2025-02-01", "failed");
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Essays", level = 1, targetLevel = 4, fromAttemptId = Id(recorded) }));
        var next = await RecordAsync(user, goal, "July exam", "2025-07-29", "pending");

        using var patch = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/attempts/{Id(recorded)}", new { feedback = "Essays were weak." });

        await patch.AssertStatusAsync(HttpStatusCode.OK);
        var updated = await patch.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("comebackDays").ValueKind);
        Assert.Empty(recorded.GetProperty("appliedIn").EnumerateArray());
        Assert.Equal(178, updated.GetProperty("comebackDays").GetInt32());
        Assert.Equal([("skill", skill)], AppliedIn(updated));
        Assert.Equal(JsonValueKind.Null, next.GetProperty("comebackDays").ValueKind);
    }

    [Fact]
    public async Task DeleteAttempt_WithLessonApplied_UnlinksTheSkillAndMilestoneWhichStay()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Become a NASA astronaut" }));
        var attempt = Id(await RecordAsync(user, goal, "1990", "1990-07-01", "failed"));
        var kept = Id(await RecordAsync(user, goal, "1991", "1991-07-01", "failed"));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Pilot's license", fromAttemptId = attempt }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Flying", level = 1, targetLevel = 4, fromAttemptId = attempt }));
        var other = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Diving", level = 0, targetLevel = 4, fromAttemptId = kept }));

        using var delete = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/attempts/{attempt}", Cancellation);

        await delete.AssertStatusAsync(HttpStatusCode.NoContent);
        var skills = (await GetJsonAsync(user, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, skills.Single(s => Id(s) == skill).GetProperty("fromAttemptId").ValueKind);
        Assert.Equal(kept, skills.Single(s => Id(s) == other).GetProperty("fromAttemptId").GetString());
        var roadmap = await GetJsonAsync(user, $"/api/v1/goals/{goal}/roadmap");
        var item = Assert.Single(roadmap.GetProperty("items").EnumerateArray());
        Assert.Equal(milestone, Id(item));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("fromAttemptId").ValueKind);
        var attempts = await AttemptsAsync(user, goal, "2000-01-01");
        Assert.Equal([("skill", other)], AppliedIn(Assert.Single(Items(attempts))));
        Assert.Equal(1, attempts.GetProperty("lessonsApplied").GetInt32());
    }

    private static Task<JsonElement> RecordAsync(TestUser user, string goal, string title, string date, string outcome) =>
        PostAsync(user, $"/api/v1/goals/{goal}/attempts", new { title, date, outcome });

    private static Task<JsonElement> AttemptsAsync(TestUser user, string goal, string asOf) =>
        GetJsonAsync(user, $"/api/v1/goals/{goal}/attempts?asOf={asOf}");

    private static List<JsonElement> Items(JsonElement attempts) => [.. attempts.GetProperty("items").EnumerateArray()];

    private static List<(string Id, int Number)> Numbers(JsonElement attempts) =>
        [.. Items(attempts).Select(a => (Id(a), a.GetProperty("number").GetInt32()))];

    private static List<int?> Comebacks(JsonElement attempts) =>
        [.. Items(attempts).Select(a => a.GetProperty("comebackDays") is { ValueKind: JsonValueKind.Number } days ? days.GetInt32() : (int?)null)];

    private static List<(string Kind, string Id)> AppliedIn(JsonElement attempt) =>
        [.. attempt.GetProperty("appliedIn").EnumerateArray().Select(i => (i.GetProperty("kind").GetString()!, Id(i)))];

    private static void AssertStatistics(JsonElement attempts, int total, int succeeded, int failed, int pending, int? attemptsToFirstSuccess)
    {
        Assert.Equal(total, attempts.GetProperty("total").GetInt32());
        Assert.Equal(succeeded, attempts.GetProperty("succeeded").GetInt32());
        Assert.Equal(failed, attempts.GetProperty("failed").GetInt32());
        Assert.Equal(pending, attempts.GetProperty("pending").GetInt32());
        var first = attempts.GetProperty("attemptsToFirstSuccess");
        Assert.Equal(attemptsToFirstSuccess, first.ValueKind == JsonValueKind.Null ? null : first.GetInt32());
    }
}

public sealed class PerseveranceTests_Sqlite(SqliteApp app) : PerseveranceTests(app);

public sealed class PerseveranceTests_Postgres(PostgresApp app) : PerseveranceTests(app);
