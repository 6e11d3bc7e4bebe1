using System.Text.Json;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>log</c>, <c>work</c>, <c>check</c> and <c>attempt</c>: what they create, and how they refuse.</summary>
public abstract class RecordingCommandTests(RecetaApp app)
{
    [Fact]
    public async Task Log_PieceOfTitle_CreatesTheEntryOnTheGoal()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Run a marathon");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "MARATHON", "12.5", "--date", "2025-02-20", "--note", "long run");

        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Contains("Run a marathon", log.Out, StringComparison.Ordinal);
        var entry = Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/entries"));
        Assert.Equal(12.5, entry.GetProperty("value").GetDouble());
        Assert.Equal("2025-02-20", entry.GetProperty("date").GetString());
        Assert.Equal("long run", entry.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Log_NoDate_LogsTodayAndJsonPrintsTheEntry()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Learn the cello");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", goal, "3", "--json");

        Assert.True(log.ExitCode == 0, log.ToString());
        using var entry = JsonDocument.Parse(log.Out);
        Assert.Equal("2025-03-01", entry.RootElement.GetProperty("date").GetString());
        Assert.Equal(3, entry.RootElement.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Log_GoalWithoutMeasure_Exits1WithTheProblemNamingTheField()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Be kinder", measured: false);
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "kinder", "1");

        Assert.Equal(ExitCodes.Refused, log.ExitCode);
        Assert.Equal("measure: This goal has no measure; give it one before logging entries.", log.Error.Trim());
    }

    [Fact]
    public async Task Log_NoteTooLong_Exits1NamingNote()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Write a novel");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "novel", "1", "--note", new string('x', 10_001));

        Assert.Equal(ExitCodes.Refused, log.ExitCode);
        Assert.StartsWith("note: 'note' must be at most 10,000 characters.", log.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_HoursAndMinutesWithMilestoneAndSkill_LogsTheSession()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Pass the exam");
        var milestone = await user.MilestoneAsync(goal, "Algebra review");
        var skill = await user.SkillAsync(goal, "Calculus");
        using var cli = new CliHarness(app).As(user);

        var work = await cli.RunAsync("work", "exam", "1h30m", "--milestone", "algebra", "--skill", "calc", "--note", "chapter 3");

        Assert.True(work.ExitCode == 0, work.ToString());
        Assert.Contains("1h30m", work.Out, StringComparison.Ordinal);
        var session = Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/work"));
        Assert.Equal(90, session.GetProperty("minutes").GetInt32());
        Assert.Equal(milestone, session.GetProperty("milestoneId").GetString());
        Assert.Equal(skill, session.GetProperty("skillId").GetString());
    }

    [Theory]
    [InlineData("90m", 90)]
    [InlineData("2h", 120)]
    [InlineData("45", 45)]
    public async Task Work_Duration_IsReadAsMinutes(string duration, int minutes)
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Practise piano");
        using var cli = new CliHarness(app).As(user);

        var work = await cli.RunAsync("work", goal, duration, "--json");

        Assert.True(work.ExitCode == 0, work.ToString());
        using var session = JsonDocument.Parse(work.Out);
        Assert.Equal(minutes, session.RootElement.GetProperty("minutes").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0m")]
    [InlineData("-5")]
    [InlineData("an hour")]
    [InlineData("1h30")]
    public async Task Work_BadDuration_Exits2AndSendsNothing(string duration)
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Practise violin");
        using var cli = new CliHarness(app).As(user);

        var work = await cli.RunAsync("work", goal, duration);

        Assert.Equal(ExitCodes.Usage, work.ExitCode);
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{goal}/work"));
    }

    [Fact]
    public async Task Check_Habit_TicksTodayThenSaysItWasAlreadyChecked()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Get fit");
        var habit = await user.HabitAsync(goal, "Morning stretch");
        using var cli = new CliHarness(app).As(user);

        var first = await cli.RunAsync("check", "fit", "stretch");
        var second = await cli.RunAsync("check", "fit", "stretch");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Checked Morning stretch on 2025-03-01", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already checked", second.Out, StringComparison.Ordinal);
        using var view = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits/{habit}", TestContext.Current.CancellationToken);
        var checks = (await view.ReadJsonAsync()).GetProperty("checks").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["2025-03-01"], checks);
    }

    [Fact]
    public async Task Check_Skip_SkipsTheDayThenSaysItWasAlreadySkipped()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Meditate");
        var habit = await user.HabitAsync(goal, "Sit ten minutes");
        using var cli = new CliHarness(app).As(user);

        var first = await cli.RunAsync("check", "Meditate", "Sit", "--skip", "--date", "2025-02-28");
        var second = await cli.RunAsync("check", goal, habit, "--skip", "--date", "2025-02-28");

        Assert.True(first.ExitCode == ExitCodes.Done, first.ToString());
        Assert.Contains("Skipped Sit ten minutes on 2025-02-28.", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == ExitCodes.Done, second.ToString());
        Assert.Contains("Sit ten minutes was already skipped on 2025-02-28.", second.Out, StringComparison.Ordinal);
        var view = await HabitViewAsync(user, goal, habit);
        Assert.Equal(["2025-02-28"], Dates(view, "skips"));
        Assert.Empty(Dates(view, "checks"));
    }

    [Fact]
    public async Task Check_SkipACheckedDay_PrintsTheConflictAndExitsRefused()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Meditate");
        var habit = await user.HabitAsync(goal, "Sit ten minutes");
        using var cli = new CliHarness(app).As(user);
        var check = await cli.RunAsync("check", goal, habit, "--date", "2025-02-28");

        var skip = await cli.RunAsync("check", goal, habit, "--skip", "--date", "2025-02-28");

        Assert.True(check.ExitCode == ExitCodes.Done, check.ToString());
        Assert.Equal(ExitCodes.Refused, skip.ExitCode);
        Assert.Contains("That day is checked: uncheck it before skipping it. (HTTP 409)", skip.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Skipped", skip.Out, StringComparison.Ordinal);
        var view = await HabitViewAsync(user, goal, habit);
        Assert.Equal(["2025-02-28"], Dates(view, "checks"));
        Assert.Empty(Dates(view, "skips"));
    }

    [Fact]
    public async Task Check_ASkippedDay_PrintsTheConflictAndExitsRefused()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Meditate");
        var habit = await user.HabitAsync(goal, "Sit ten minutes");
        using var cli = new CliHarness(app).As(user);
        await cli.RunAsync("check", goal, habit, "--skip");

        var check = await cli.RunAsync("check", goal, habit);

        Assert.Equal(ExitCodes.Refused, check.ExitCode);
        Assert.Contains("That day is skipped: take the skip back before checking it. (HTTP 409)", check.Error, StringComparison.Ordinal);
        Assert.Empty(Dates(await HabitViewAsync(user, goal, habit), "checks"));
    }

    [Fact]
    public async Task Break_TwoDates_TakesTheBreakWithItsNote()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Finish the degree");
        using var cli = new CliHarness(app).As(user);

        var taken = await cli.RunAsync("break", "degree", "2025-05-01", "2025-05-21", "--note", "Exam season");

        Assert.True(taken.ExitCode == ExitCodes.Done, taken.ToString());
        Assert.Contains("Break from 2025-05-01 to 2025-05-21 on Finish the degree", taken.Out, StringComparison.Ordinal);
        var pause = Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/breaks"));
        Assert.Equal(("2025-05-01", "2025-05-21", "Exam season"),
            (pause.GetProperty("from").GetString(), pause.GetProperty("to").GetString(), pause.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task Break_OverlappingAnother_PrintsTheConflictAndExitsRefused()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Finish the degree");
        using var cli = new CliHarness(app).As(user);
        Assert.Equal(ExitCodes.Done, (await cli.RunAsync("break", goal, "2025-05-01", "2025-05-21")).ExitCode);

        var overlap = await cli.RunAsync("break", goal, "2025-05-20", "2025-05-30");

        Assert.Equal(ExitCodes.Refused, overlap.ExitCode);
        Assert.Contains("(HTTP 409)", overlap.Error, StringComparison.Ordinal);
        Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/breaks"));
    }

    [Fact]
    public async Task Break_NotADate_Exits2AndSendsNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Finish the degree");
        using var cli = new CliHarness(app).As(user);

        var refused = await cli.RunAsync("break", goal, "2025-05-01", "next week");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("TO: 'next week' is not a date", refused.Error, StringComparison.Ordinal);
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{goal}/breaks"));
    }

    [Fact]
    public async Task Attempt_WithOutcomeFeedbackAndLesson_IsRecordedAndNumbered()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Become an astronaut");
        using var cli = new CliHarness(app).As(user);

        var first = await cli.RunAsync("attempt", "astronaut", "NASA application", "--outcome", "failed", "--date", "2025-01-10",
            "--feedback", "Not this year", "--lesson", "Get an engineering degree");
        var second = await cli.RunAsync("attempt", "astronaut", "NASA application", "--outcome", "pending", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("#1", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        using var attempt = JsonDocument.Parse(second.Out);
        Assert.Equal(2, attempt.RootElement.GetProperty("number").GetInt32());
        Assert.Equal("pending", attempt.RootElement.GetProperty("outcome").GetString());
        var attempts = await user.ItemsAsync($"/api/v1/goals/{goal}/attempts");
        Assert.Equal("Get an engineering degree", attempts[0].GetProperty("lesson").GetString());
    }

    [Fact]
    public async Task Attempt_WithoutOutcome_Exits2()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Join the orchestra");
        using var cli = new CliHarness(app).As(user);

        var attempt = await cli.RunAsync("attempt", "orchestra", "Audition");

        Assert.Equal(ExitCodes.Usage, attempt.ExitCode);
        Assert.Contains("--outcome", attempt.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> HabitViewAsync(TestUser user, string goal, string habit)
    {
        using var view = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits/{habit}?asOf=2025-03-01", TestContext.Current.CancellationToken);
        return await view.ReadJsonAsync();
    }

    private static List<string?> Dates(JsonElement habit, string property) =>
        [.. habit.GetProperty(property).EnumerateArray().Select(d => d.GetString())];
}

public sealed class RecordingCommandTests_Sqlite(KestrelSqliteApp app) : RecordingCommandTests(app);

public sealed class RecordingCommandTests_Postgres(KestrelPostgresApp app) : RecordingCommandTests(app);
