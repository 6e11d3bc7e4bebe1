using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Work;

public abstract class WorkTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LogWork_WithMilestoneAndSkill_Returns201WithLocationAndSession()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Learn Russian" }));
        var milestone = Id(await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "A1 exam" }));
        var skill = Id(await PostAsync(user, $"/api/v1/goals/{goal}/skills", new { name = "Russian", level = 0, targetLevel = 3 }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/work",
            new { date = "2025-02-27", minutes = 90, note = "Flashcards", milestoneId = milestone, skillId = skill });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var session = await response.ReadJsonAsync();
        var id = Id(session);
        Assert.EndsWith($"/api/v1/goals/{goal}/work/{id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("2025-02-27", session.GetProperty("date").GetString());
        Assert.Equal(90, session.GetProperty("minutes").GetInt32());
        Assert.Equal("Flashcards", session.GetProperty("note").GetString());
        Assert.Equal(milestone, session.GetProperty("milestoneId").GetString());
        Assert.Equal(skill, session.GetProperty("skillId").GetString());
        Assert.Equal([id], Items(await WorkAsync(user, goal, "")).Select(Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public async Task LogWork_MinutesAtLimit_Returns201(int minutes)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Limits" }));

        var session = await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-27", minutes });

        Assert.Equal(minutes, session.GetProperty("minutes").GetInt32());
        Assert.Equal(minutes, (await WorkAsync(user, goal, "")).GetProperty("totalMinutes").GetInt32());
    }

    [Theory]
    [InlineData("minutes", """{ "date": "2025-02-27", "minutes": 0 }""")]
    [InlineData("minutes", """{ "date": "2025-02-27", "minutes": 1441 }""")]
    [InlineData("minutes", """{ "date": "2025-02-27", "minutes": -30 }""")]
    [InlineData("minutes", """{ "date": "2025-02-27", "minutes": 12.5 }""")]
    [InlineData("minutes", """{ "date": "2025-02-27" }""")]
    [InlineData("date", """{ "minutes": 30 }""")]
    [InlineData("date", """{ "date": "1899-12-31", "minutes": 30 }""")]
    public async Task LogWork_InvalidField_Returns400NamingItAndCreatesNothing(string field, string body)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Validate" }));

        using var content = Json(body);
        using var response = await user.Api.PostAsync($"/api/v1/goals/{goal}/work", content, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        var work = await WorkAsync(user, goal, "");
        Assert.Empty(Items(work));
        Assert.Equal(0, work.GetProperty("totalMinutes").GetInt32());
    }

    [Fact]
    public async Task LogWork_MilestoneOfAnotherGoal_Returns400NamingMilestoneIdAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "This goal" }));
        var otherGoal = Id(await CreateGoalAsync(user, new { title = "Other goal" }));
        var foreign = Id(await PostAsync(user, $"/api/v1/goals/{otherGoal}/milestones", new { title = "Elsewhere" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/work",
            new { date = "2025-02-27", minutes = 30, milestoneId = foreign });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "milestoneId");
        Assert.Empty(Items(await WorkAsync(user, goal, "")));
        Assert.Empty(Items(await WorkAsync(user, otherGoal, "")));
    }

    [Fact]
    public async Task LogWork_SkillOfAnotherGoal_Returns400NamingSkillIdAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "This goal" }));
        var otherGoal = Id(await CreateGoalAsync(user, new { title = "Other goal" }));
        var foreign = Id(await PostAsync(user, $"/api/v1/goals/{otherGoal}/skills", new { name = "Elsewhere", level = 1, targetLevel = 2 }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/work",
            new { date = "2025-02-27", minutes = 30, skillId = foreign });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "skillId");
        Assert.Empty(Items(await WorkAsync(user, goal, "")));
    }

    [Fact]
    public async Task ListWork_AcrossYearBoundary_SumsMinutesByIsoWeek()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "New year" }));
        var monday6 = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-01-06", minutes = 20 }));
        var monday30a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2024-12-30", minutes = 45 }));
        var sunday29 = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2024-12-29", minutes = 30 }));
        var monday30b = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2024-12-30", minutes = 15 }));
        var sunday5 = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-01-05", minutes = 60 }));

        var all = await WorkAsync(user, goal, "");
        var firstWeekOf2025 = await WorkAsync(user, goal, "?from=2024-12-30&to=2025-01-05");

        // Sunday 2024-12-29 is in 2024-W52; Monday 2024-12-30 to Sunday 2025-01-05 is 2025-W01; 2025-01-06 starts 2025-W02.
        Assert.Equal([sunday29, monday30a, monday30b, sunday5, monday6], Items(all).Select(Id));
        Assert.Equal(30 + 45 + 15 + 60 + 20, all.GetProperty("totalMinutes").GetInt32());
        Assert.Equal([("2024-W52", 30), ("2025-W01", 45 + 15 + 60), ("2025-W02", 20)], Weeks(all));
        Assert.Equal([monday30a, monday30b, sunday5], Items(firstWeekOf2025).Select(Id));
        Assert.Equal(45 + 15 + 60, firstWeekOf2025.GetProperty("totalMinutes").GetInt32());
        Assert.Equal([("2025-W01", 45 + 15 + 60)], Weeks(firstWeekOf2025));
    }

    [Fact]
    public async Task ListWork_OnlyFromOrOnlyTo_IsInclusive()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Bounds" }));
        var first = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-10", minutes = 10 }));
        var second = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-11", minutes = 20 }));

        var from = await WorkAsync(user, goal, "?from=2025-02-11");
        var to = await WorkAsync(user, goal, "?to=2025-02-10");
        var none = await WorkAsync(user, goal, "?from=2025-02-12");

        Assert.Equal([second], Items(from).Select(Id));
        Assert.Equal(20, from.GetProperty("totalMinutes").GetInt32());
        Assert.Equal([first], Items(to).Select(Id));
        Assert.Equal(10, to.GetProperty("totalMinutes").GetInt32());
        Assert.Empty(Items(none));
        Assert.Equal(0, none.GetProperty("totalMinutes").GetInt32());
        Assert.Empty(none.GetProperty("weeks").EnumerateArray());
    }

    [Fact]
    public async Task ListWork_LimitOne_PagesThroughEveryItemExactlyOnce()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Pages" }));
        var c = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-03", minutes = 30 }));
        var a = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-01", minutes = 30 }));
        var b1 = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-02", minutes = 30 }));
        var b2 = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-02", minutes = 30 }));
        var d = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-04", minutes = 30 }));

        var all = await ReadPagesAsync(user, $"/api/v1/goals/{goal}/work?limit=1", limit: 1);
        var filtered = await ReadPagesAsync(user, $"/api/v1/goals/{goal}/work?from=2025-02-02&to=2025-02-03&limit=1", limit: 1);

        Assert.Equal([a, b1, b2, c, d], all);
        Assert.Equal([b1, b2, c], filtered);
    }

    [Fact]
    public async Task ListWork_SessionsLoggedConcurrentlyOnOneDay_PageThroughEachExactlyOnce()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Busy day" }));

        var sessions = await Task.WhenAll(Enumerable.Range(1, 8).Select(minutes =>
            PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-20", minutes })));
        var paged = await ReadPagesAsync(user, $"/api/v1/goals/{goal}/work?limit=3", limit: 3);

        Assert.Equal(sessions.Select(Id).Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
        Assert.Equal(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8, (await WorkAsync(user, goal, "")).GetProperty("totalMinutes").GetInt32());
    }

    [Theory]
    [InlineData("limit", "?limit=0")]
    [InlineData("limit", "?limit=1001")]
    [InlineData("cursor", "?cursor=%25%25%25")]
    [InlineData("from", "?from=2025-13-01")]
    [InlineData("to", "?to=yesterday")]
    public async Task ListWork_BadQuery_Returns400NamingIt(string field, string query)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Queries" }));

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/work{query}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task DeleteWork_Existing_Returns204AndLeavesTheTotals()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Undo" }));
        var keep = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-24", minutes = 25 }));
        var drop = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-25", minutes = 40 }));

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/work/{drop}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        var work = await WorkAsync(user, goal, "");
        Assert.Equal([keep], Items(work).Select(Id));
        Assert.Equal(25, work.GetProperty("totalMinutes").GetInt32());
        Assert.Equal([("2025-W09", 25)], Weeks(work));
        using var again = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/work/{drop}", Cancellation);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddHabit_Valid_Returns201WithLocationAndEmptyRecord()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Get fit" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits", new { title = "Run", times = 3, perDays = 7 });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var habit = await response.ReadJsonAsync();
        var id = Id(habit);
        Assert.EndsWith($"/api/v1/goals/{goal}/habits/{id}", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Run", habit.GetProperty("title").GetString());
        Assert.Equal(3, habit.GetProperty("times").GetInt32());
        Assert.Equal(7, habit.GetProperty("perDays").GetInt32());
        Assert.Equal(0, habit.GetProperty("currentStreak").GetInt32());
        Assert.Equal(0, habit.GetProperty("bestStreak").GetInt32());
        Assert.Equal(0, habit.GetProperty("strength").GetDouble());
        Assert.Empty(habit.GetProperty("checks").EnumerateArray());
    }

    [Theory]
    [InlineData("times", "Run", 4, 3)]
    [InlineData("times", "Run", 0, 7)]
    [InlineData("perDays", "Run", 1, 32)]
    [InlineData("perDays", "Run", 1, 0)]
    [InlineData("title", " ", 1, 1)]
    public async Task AddHabit_InvalidFrequencyOrTitle_Returns400NamingFieldAndCreatesNothing(string field, string title, int times, int perDays)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Frequencies" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits", new { title, times, perDays });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AddHabit_ThirtyOneOfThirtyOneDays_Returns201()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Every day of the month" }));

        var habit = await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Journal", times = 31, perDays = 31 });

        Assert.Equal(31, habit.GetProperty("times").GetInt32());
        Assert.Equal(31, habit.GetProperty("perDays").GetInt32());
    }

    [Fact]
    public async Task CheckHabit_NewDate_Returns201ThenSameDateReturns200AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Meditate" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1 }));

        using var first = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" });
        await first.AssertStatusAsync(HttpStatusCode.Created);
        Assert.NotNull(first.Headers.Location);
        var afterFirst = await HabitTextAsync(user, goal, habit, "2025-03-01");
        using var second = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" });

        await second.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(afterFirst, await HabitTextAsync(user, goal, habit, "2025-03-01"));
        var view = await HabitAsync(user, goal, habit, "2025-03-01");
        Assert.Equal(["2025-02-28"], Dates(view.GetProperty("checks")));
    }

    [Fact]
    public async Task CheckHabit_DateOutOfRange_Returns400NamingDate()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Dates" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1 }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "3000-01-01" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        Assert.Empty((await HabitAsync(user, goal, habit, "2999-12-31")).GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task CheckHabit_UnknownHabit_Returns404()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Ghost habit" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{Guid.NewGuid()}/checks", new { date = "2025-02-28" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UncheckHabit_CheckedDate_Returns204AndRemovesIt()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Oops" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1 }));
        await CheckAsync(user, goal, habit, "2025-02-27", "2025-02-28");

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/habits/{habit}/checks/2025-02-28", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        var view = await HabitAsync(user, goal, habit, "2025-02-28");
        Assert.Equal(["2025-02-27"], Dates(view.GetProperty("checks")));
        // Only 02-27 is met; 02-28 is not, so the current streak is the one ending yesterday.
        Assert.Equal(1, view.GetProperty("currentStreak").GetInt32());
    }

    [Fact]
    public async Task GetHabit_WorkedExample2_MatchesRecipe()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Get fit" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 3, perDays = 7 }));
        await CheckAsync(user, goal, habit, "2025-03-12", "2025-03-01", "2025-03-08", "2025-03-03", "2025-03-05");

        var view = await HabitAsync(user, goal, habit, "2025-03-14");

        // Window counts Mar 1–14: 1,1,2,2,3,3,3,3,3,2,2,2,2,2, so Mar 5–9 are met and Mar 13–14 are not.
        Assert.Equal(habit, Id(view));
        Assert.Equal("Run", view.GetProperty("title").GetString());
        Assert.Equal(3, view.GetProperty("times").GetInt32());
        Assert.Equal(7, view.GetProperty("perDays").GetInt32());
        Assert.Equal(5, view.GetProperty("bestStreak").GetInt32());
        Assert.Equal(0, view.GetProperty("currentStreak").GetInt32());
        Assert.Equal(28.8, view.GetProperty("strength").GetDouble());
        Assert.Equal(["2025-03-01", "2025-03-03", "2025-03-05", "2025-03-08", "2025-03-12"], Dates(view.GetProperty("checks")));
    }

    [Fact]
    public async Task GetHabit_AsOfInsideStreak_ListsOnlyChecksUpToAsOf()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Get fit" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 3, perDays = 7 }));
        await CheckAsync(user, goal, habit, "2025-03-01", "2025-03-03", "2025-03-05", "2025-03-08", "2025-03-12");

        var view = await HabitAsync(user, goal, habit, "2025-03-09");

        // Mar 5–9 are met and Mar 9 is the day judged: both streaks are 5.
        // Strength: m = 0.5^(√(3/7)/13); v for Mar 1–9 is 1/3,1/3,2/3,2/3,1,1,1,1,1; 100·score = 21.55 → 21.6.
        Assert.Equal(5, view.GetProperty("currentStreak").GetInt32());
        Assert.Equal(5, view.GetProperty("bestStreak").GetInt32());
        Assert.Equal(21.6, view.GetProperty("strength").GetDouble());
        Assert.Equal(["2025-03-01", "2025-03-03", "2025-03-05", "2025-03-08"], Dates(view.GetProperty("checks")));
    }

    [Fact]
    public async Task GetHabit_DailyHabit_CurrentStreakEndsTodayOrYesterday()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Write" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "500 words", times = 1, perDays = 1 }));
        await CheckAsync(user, goal, habit, "2025-02-24", "2025-02-26", "2025-02-27", "2025-02-28");

        var today = await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits/{habit}");
        var onTheLastCheck = await HabitAsync(user, goal, habit, "2025-02-28");
        var afterTheGap = await HabitAsync(user, goal, habit, "2025-02-25");
        var twoDaysLater = await HabitAsync(user, goal, habit, "2025-03-02");

        // m = 0.5^(1/13). Today (03-01, unchecked) the run 02-26..02-28 still counts; v = 1,0,1,1,1,0 → 17.99 → 18.0.
        Assert.Equal(3, today.GetProperty("currentStreak").GetInt32());
        Assert.Equal(3, today.GetProperty("bestStreak").GetInt32());
        Assert.Equal(18.0, today.GetProperty("strength").GetDouble());
        // v = 1,0,1,1,1 → 18.98 → 19.0
        Assert.Equal(3, onTheLastCheck.GetProperty("currentStreak").GetInt32());
        Assert.Equal(19.0, onTheLastCheck.GetProperty("strength").GetDouble());
        // 02-25 is not met; the run ending 02-24 is 1 long. v = 1,0 → 4.92 → 4.9
        Assert.Equal(1, afterTheGap.GetProperty("currentStreak").GetInt32());
        Assert.Equal(1, afterTheGap.GetProperty("bestStreak").GetInt32());
        Assert.Equal(4.9, afterTheGap.GetProperty("strength").GetDouble());
        Assert.Equal(["2025-02-24"], Dates(afterTheGap.GetProperty("checks")));
        // Neither 03-02 nor 03-01 is met. v = 1,0,1,1,1,0,0 → 17.06 → 17.1
        Assert.Equal(0, twoDaysLater.GetProperty("currentStreak").GetInt32());
        Assert.Equal(3, twoDaysLater.GetProperty("bestStreak").GetInt32());
        Assert.Equal(17.1, twoDaysLater.GetProperty("strength").GetDouble());
    }

    [Fact]
    public async Task GetHabit_WithoutAsOf_JudgesTodayInUsersTimeZone()
    {
        // 2025-03-01T12:00Z is already 2025-03-02 at UTC+14.
        var user = await app.CreateUserAsync(timeZone: "Pacific/Kiritimati");
        var goal = Id(await CreateGoalAsync(user, new { title = "Far east" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Swim", times = 1, perDays = 1 }));
        await CheckAsync(user, goal, habit, "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03");

        var view = await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits/{habit}");

        Assert.Equal(["2025-02-28", "2025-03-01", "2025-03-02"], Dates(view.GetProperty("checks")));
        Assert.Equal(3, view.GetProperty("currentStreak").GetInt32());
    }

    [Fact]
    public async Task CheckHabit_SameDateConcurrently_StoresOneCheckAndAnswers201Once()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Double tap" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1 }));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" })));

        try
        {
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Got {(int)a.StatusCode}."));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        }
        finally
        {
            Array.ForEach(answers, a => a.Dispose());
        }
        Assert.Equal(["2025-02-28"], Dates((await HabitAsync(user, goal, habit, "2025-03-01")).GetProperty("checks")));
    }

    [Fact]
    public async Task GetHabit_AsOfBeforeFirstCheck_IsAllZero()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Later" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Stretch", times = 1, perDays = 1 }));
        await CheckAsync(user, goal, habit, "2025-02-20");

        var view = await HabitAsync(user, goal, habit, "2025-02-19");

        Assert.Equal(0, view.GetProperty("currentStreak").GetInt32());
        Assert.Equal(0, view.GetProperty("bestStreak").GetInt32());
        Assert.Equal(0, view.GetProperty("strength").GetDouble());
        Assert.Empty(view.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task UpdateHabit_TitleOnly_KeepsFrequencyAndChecks()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Rename" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 3, perDays = 7 }));
        await CheckAsync(user, goal, habit, "2025-02-27");

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/habits/{habit}", new { title = "Jog" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var patched = await response.ReadJsonAsync();
        Assert.Equal("Jog", patched.GetProperty("title").GetString());
        Assert.Equal(3, patched.GetProperty("times").GetInt32());
        Assert.Equal(7, patched.GetProperty("perDays").GetInt32());
        Assert.Equal(["2025-02-27"], Dates((await HabitAsync(user, goal, habit, "2025-03-01")).GetProperty("checks")));
    }

    [Fact]
    public async Task UpdateHabit_TimesAbovePerDays_Returns400AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Too often" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 3, perDays = 7 }));
        var before = await HabitTextAsync(user, goal, habit, "2025-03-01");

        using var response = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}/habits/{habit}", new { title = "Run more", times = 8 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "times");
        Assert.Equal(before, await HabitTextAsync(user, goal, habit, "2025-03-01"));
    }

    [Fact]
    public async Task DeleteHabit_Existing_Returns204AndIsGone()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Quit" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 1, perDays = 2 }));
        await CheckAsync(user, goal, habit, "2025-02-27");

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/habits/{habit}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        using var get = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits/{habit}", Cancellation);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
        using var check = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" });
        await check.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WorkEndpoints_AnotherUsersGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var session = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = "2025-02-27", minutes = 30 }));
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 1, perDays = 1 }));
        await CheckAsync(owner, goal, habit, "2025-02-27");
        var before = await SnapshotAsync(owner, goal, habit);
        var goalPath = $"/api/v1/goals/{goal}";

        var answers = new List<HttpResponseMessage>
        {
            await stranger.Api.PostJsonAsync($"{goalPath}/work", new { date = "2025-02-28", minutes = 30 }),
            await stranger.Api.GetAsync($"{goalPath}/work", Cancellation),
            await stranger.Api.DeleteAsync($"{goalPath}/work/{session}", Cancellation),
            await stranger.Api.PostJsonAsync($"{goalPath}/habits", new { title = "Intruder", times = 1, perDays = 1 }),
            await stranger.Api.GetAsync($"{goalPath}/habits", Cancellation),
            await stranger.Api.GetAsync($"{goalPath}/habits/{habit}", Cancellation),
            await stranger.Api.PatchJsonAsync($"{goalPath}/habits/{habit}", new { title = "Taken" }),
            await stranger.Api.PostJsonAsync($"{goalPath}/habits/{habit}/checks", new { date = "2025-02-28" }),
            await stranger.Api.DeleteAsync($"{goalPath}/habits/{habit}/checks/2025-02-27", Cancellation),
            await stranger.Api.DeleteAsync($"{goalPath}/habits/{habit}", Cancellation),
        };

        try
        {
            foreach (var answer in answers)
            {
                await answer.AssertProblemAsync(HttpStatusCode.NotFound);
            }
        }
        finally
        {
            answers.ForEach(a => a.Dispose());
        }
        Assert.Equal(before, await SnapshotAsync(owner, goal, habit));
    }

    [Fact]
    public async Task WorkEndpoints_ItemsOfAnotherUserThroughOwnGoal_Return404AndChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var milestone = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Mine" }));
        var session = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = "2025-02-27", minutes = 30 }));
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 1, perDays = 1 }));
        await CheckAsync(owner, goal, habit, "2025-02-27");
        var strangersGoal = $"/api/v1/goals/{Id(await CreateGoalAsync(stranger, new { title = "Theirs" }))}";
        var before = await SnapshotAsync(owner, goal, habit);

        using var deleteWork = await stranger.Api.DeleteAsync($"{strangersGoal}/work/{session}", Cancellation);
        using var getHabit = await stranger.Api.GetAsync($"{strangersGoal}/habits/{habit}", Cancellation);
        using var check = await stranger.Api.PostJsonAsync($"{strangersGoal}/habits/{habit}/checks", new { date = "2025-02-28" });
        using var uncheck = await stranger.Api.DeleteAsync($"{strangersGoal}/habits/{habit}/checks/2025-02-27", Cancellation);
        using var logOnTheirMilestone = await stranger.Api.PostJsonAsync($"{strangersGoal}/work",
            new { date = "2025-02-28", minutes = 30, milestoneId = milestone });

        await deleteWork.AssertProblemAsync(HttpStatusCode.NotFound);
        await getHabit.AssertProblemAsync(HttpStatusCode.NotFound);
        await check.AssertProblemAsync(HttpStatusCode.NotFound);
        await uncheck.AssertProblemAsync(HttpStatusCode.NotFound);
        await logOnTheirMilestone.AssertProblemAsync(HttpStatusCode.BadRequest, "milestoneId");
        Assert.Equal(before, await SnapshotAsync(owner, goal, habit));
    }

    [Fact]
    public async Task WorkEndpoints_ReadScopedToken_Return403ForChangesAndChangeNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Look only" }));
        var session = Id(await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-02-27", minutes = 30 }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 1, perDays = 1 }));
        await CheckAsync(user, goal, habit, "2025-02-27");
        var before = await SnapshotAsync(user, goal, habit);
        var token = await user.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(token.Secret);
        var goalPath = $"/api/v1/goals/{goal}";

        var changes = new List<HttpResponseMessage>
        {
            await reader.PostJsonAsync($"{goalPath}/work", new { date = "2025-02-28", minutes = 30 }),
            await reader.DeleteAsync($"{goalPath}/work/{session}", Cancellation),
            await reader.PostJsonAsync($"{goalPath}/habits", new { title = "Sneaky", times = 1, perDays = 1 }),
            await reader.PatchJsonAsync($"{goalPath}/habits/{habit}", new { title = "Taken" }),
            await reader.PostJsonAsync($"{goalPath}/habits/{habit}/checks", new { date = "2025-02-28" }),
            await reader.DeleteAsync($"{goalPath}/habits/{habit}/checks/2025-02-27", Cancellation),
            await reader.DeleteAsync($"{goalPath}/habits/{habit}", Cancellation),
        };
        using var work = await reader.GetAsync($"{goalPath}/work", Cancellation);
        using var view = await reader.GetAsync($"{goalPath}/habits/{habit}?asOf=2025-03-01", Cancellation);

        try
        {
            foreach (var change in changes)
            {
                await change.AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
        finally
        {
            changes.ForEach(c => c.Dispose());
        }
        await work.AssertStatusAsync(HttpStatusCode.OK);
        await view.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(before, await SnapshotAsync(user, goal, habit));
    }

    private static async Task CheckAsync(TestUser user, string goal, string habit, params string[] dates)
    {
        foreach (var date in dates)
        {
            using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date });
            await response.AssertStatusAsync(HttpStatusCode.Created);
        }
    }

    private static Task<JsonElement> WorkAsync(TestUser user, string goal, string query) =>
        GetJsonAsync(user, $"/api/v1/goals/{goal}/work{query}");

    private static Task<JsonElement> HabitAsync(TestUser user, string goal, string habit, string asOf) =>
        GetJsonAsync(user, $"/api/v1/goals/{goal}/habits/{habit}?asOf={asOf}");

    private static async Task<string> HabitTextAsync(TestUser user, string goal, string habit, string asOf) =>
        (await HabitAsync(user, goal, habit, asOf)).GetRawText();

    /// <summary>Everything the work endpoints can change under a goal with one habit, as comparable text.</summary>
    private static async Task<string> SnapshotAsync(TestUser user, string goal, string habit) =>
        $"{(await WorkAsync(user, goal, "")).GetRawText()}\n{await HabitTextAsync(user, goal, habit, "2025-03-01")}\n"
        + (await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits?asOf=2025-03-01")).GetRawText();

    /// <summary>
    /// The ids on every page from <paramref name="firstPage"/> on, following <c>nextCursor</c>; a page
    /// with a next one must be full (<paramref name="limit"/> items) and the last one not empty.
    /// </summary>
    private static async Task<List<string>> ReadPagesAsync(TestUser user, string firstPage, int limit)
    {
        var ids = new List<string>();
        var path = firstPage;
        while (true)
        {
            var page = await GetJsonAsync(user, path);
            var items = Items(page);
            ids.AddRange(items.Select(Id));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                Assert.InRange(items.Count, 1, limit);
                return ids;
            }
            Assert.Equal(limit, items.Count);
            Assert.True(ids.Count < 100, "The cursor never ends.");
            path = $"{firstPage}&cursor={Uri.EscapeDataString(cursor)}";
        }
    }

    private static List<JsonElement> Items(JsonElement list) => [.. list.GetProperty("items").EnumerateArray()];

    private static List<string> Dates(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<(string Week, int Minutes)> Weeks(JsonElement work) =>
        [.. work.GetProperty("weeks").EnumerateArray().Select(w => (w.GetProperty("week").GetString()!, w.GetProperty("minutes").GetInt32()))];
}

public sealed class WorkTests_Sqlite(SqliteApp app) : WorkTests(app);

public sealed class WorkTests_Postgres(PostgresApp app) : WorkTests(app);
