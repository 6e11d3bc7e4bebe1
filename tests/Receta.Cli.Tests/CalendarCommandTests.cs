using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>calendar</c>: the feed's address made once, reported afterwards, rotated and ended.</summary>
public abstract class CalendarCommandTests(RecetaApp app)
{
    [Fact]
    public async Task Calendar_MadeThenAskedAgainThenRotatedThenRevoked_AnswersEachTime()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Run a marathon");
        using var cli = new CliHarness(app).As(user);

        var made = await cli.RunAsync("calendar");
        var url = made.Out.Trim();
        var again = await cli.RunAsync("calendar");
        var rotated = await cli.RunAsync("calendar", "--rotate");
        var newUrl = rotated.Out.Trim();

        Assert.True(made.ExitCode == 0, made.ToString());
        Assert.EndsWith(".ics", url, StringComparison.Ordinal);
        Assert.Contains("webcal://", made.Error, StringComparison.Ordinal);
        Assert.Contains("Your calendar feed exists since 2025-03-01", again.Out, StringComparison.Ordinal);
        Assert.True(rotated.ExitCode == 0, rotated.ToString());
        Assert.EndsWith(".ics", newUrl, StringComparison.Ordinal);
        Assert.NotEqual(url, newUrl);

        var revoked = await cli.RunAsync("calendar", "--revoke");
        var status = await cli.RunAsync("calendar", "--json", "--revoke");

        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains("The calendar feed is ended", revoked.Out, StringComparison.Ordinal);
        // Nothing left to end: the server's 404, exit 1.
        Assert.Equal(ExitCodes.Refused, status.ExitCode);
    }

    [Fact]
    public async Task Calendar_RotateAndRevokeTogether_IsAUsageError()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user);

        var both = await cli.RunAsync("calendar", "--rotate", "--revoke");

        Assert.Equal(ExitCodes.Usage, both.ExitCode);
    }
}

public sealed class CalendarCommandTests_Sqlite(KestrelSqliteApp app) : CalendarCommandTests(app);

public sealed class CalendarCommandTests_Postgres(KestrelPostgresApp app) : CalendarCommandTests(app);
