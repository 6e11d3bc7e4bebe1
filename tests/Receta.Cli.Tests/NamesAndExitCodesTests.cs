using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary>How GOAL and HABIT are found, and the exit codes for what goes wrong.</summary>
public abstract class NamesAndExitCodesTests(RecetaApp app)
{
    [Fact]
    public async Task Goal_AmbiguousPiece_Exits2ListingTheCandidates()
    {
        var user = await app.CreateUserAsync();
        var marathon = await user.GoalAsync("Run a marathon");
        var tenK = await user.GoalAsync("Run a 10k");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "run a", "5");

        Assert.Equal(ExitCodes.Usage, log.ExitCode);
        Assert.Contains("matches 2", log.Error, StringComparison.Ordinal);
        Assert.Contains($"{marathon}  Run a marathon", log.Error, StringComparison.Ordinal);
        Assert.Contains($"{tenK}  Run a 10k", log.Error, StringComparison.Ordinal);
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{marathon}/entries"));
    }

    [Fact]
    public async Task Goal_ExactTitle_WinsOverLongerTitles()
    {
        var user = await app.CreateUserAsync();
        var run = await user.GoalAsync("Run");
        var marathon = await user.GoalAsync("Run a marathon");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "run", "5");

        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Single(await user.ItemsAsync($"/api/v1/goals/{run}/entries"));
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{marathon}/entries"));
    }

    [Fact]
    public async Task Goal_NoMatch_Exits2()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Learn to juggle");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "piano", "5");

        Assert.Equal(ExitCodes.Usage, log.ExitCode);
        Assert.Contains("Nothing matches 'piano'", log.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goal_UnknownId_Exits1WithTheServersNotFound()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", Guid.NewGuid().ToString(), "5");

        Assert.Equal(ExitCodes.Refused, log.ExitCode);
        Assert.Contains("The goal does not exist.", log.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Habit_AmbiguousPiece_Exits2ListingTheCandidates()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Sleep better");
        await user.HabitAsync(goal, "No screens after ten");
        await user.HabitAsync(goal, "No coffee after two");
        using var cli = new CliHarness(app).As(user);

        var check = await cli.RunAsync("check", "sleep", "no");

        Assert.Equal(ExitCodes.Usage, check.ExitCode);
        Assert.Contains("No screens after ten", check.Error, StringComparison.Ordinal);
        Assert.Contains("No coffee after two", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("log")]
    [InlineData("log", "goal")]
    [InlineData("log", "goal", "many")]
    [InlineData("goals", "--lang", "fr")]
    [InlineData("attempt", "goal", "title", "--outcome", "maybe")]
    public async Task Usage_Wrong_Exits2(params string[] args)
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user);

        var result = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task Usage_BadDate_Exits2()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Swim a mile");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", goal, "1", "--date", "01/02/2025");

        Assert.Equal(ExitCodes.Usage, log.ExitCode);
        Assert.Contains("--date", log.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotSignedIn_Exits2SayingHowToSignIn()
    {
        using var cli = new CliHarness(app);

        var goals = await cli.RunAsync("goals");

        Assert.Equal(ExitCodes.Usage, goals.ExitCode);
        Assert.Contains("receta login", goals.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadToken_Exits1()
    {
        using var cli = new CliHarness(app);
        cli["RECETA_SERVER"] = app.ServerAddress.ToString();
        cli["RECETA_TOKEN"] = "revoked-or-never-was";

        var goals = await cli.RunAsync("goals");

        Assert.Equal(ExitCodes.Refused, goals.ExitCode);
    }

    [Fact]
    public async Task Unreachable_ClosedPort_Exits3()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user, CliHarness.DeadServer());

        var goals = await cli.RunAsync("goals");
        var status = await cli.RunAsync("status");

        Assert.Equal(ExitCodes.Unreachable, goals.ExitCode);
        Assert.Contains("could not be reached", goals.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Unreachable, status.ExitCode);
    }

    [Fact]
    public async Task Completion_SuggestsCommandsAndRememberedGoalTitles()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Visit Patagonia");
        using var cli = new CliHarness(app).As(user);
        Assert.Equal(0, (await cli.RunAsync("goals")).ExitCode);

        var script = await cli.RunAsync("completion", "bash");
        var commands = await cli.RunAsync("[suggest:9]", "receta st");
        var goals = await cli.RunAsync("[suggest:11]", "receta log ");

        Assert.Contains("complete -o default", script.Out, StringComparison.Ordinal);
        Assert.Contains("status", commands.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("Visit Patagonia", goals.Out, StringComparison.Ordinal);
    }
}

public sealed class NamesAndExitCodesTests_Sqlite(KestrelSqliteApp app) : NamesAndExitCodesTests(app);

public sealed class NamesAndExitCodesTests_Postgres(KestrelPostgresApp app) : NamesAndExitCodesTests(app);
