using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>remind</c>: a habit's email reminders set, replaced, listed and removed through the API.</summary>
public abstract class RemindCommandTests(RecetaApp app)
{
    [Fact]
    public async Task Remind_SetReplacedListedAndRemoved()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Learn the guitar");
        await user.HabitAsync(goal, "Practise scales");
        await user.HabitAsync(await user.GoalAsync("Run a marathon"), "Stretch");
        using var cli = new CliHarness(app).As(user);

        var set = await cli.RunAsync("remind", "scales", "7:30", "--weekdays", "mon,wed");
        var evening = await cli.RunAsync("remind", "scales", "19:00");
        var replaced = await cli.RunAsync("remind", "scales", "07:30", "--weekdays", "sat");
        var listed = await cli.RunAsync("remind", "scales");
        var removed = await cli.RunAsync("remind", "scales", "19:00", "--off");
        var json = await cli.RunAsync("remind", "scales", "--json");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("'Practise scales' will be reminded of by email at 07:30, mon,wed", set.Out, StringComparison.Ordinal);
        Assert.True(evening.ExitCode == 0, evening.ToString());
        Assert.Contains("every day", evening.Out, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Equal(["07:30  sat", "19:00  every day"], listed.Out.Trim().Split('\n'));
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("No more reminders of 'Practise scales' at 19:00.", removed.Out, StringComparison.Ordinal);
        Assert.Contains("\"reminders\":[{\"time\":\"07:30\",\"weekdays\":[\"sat\"]}]", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_BadTimeOrDayOrNoSuchReminder_IsAUsageError_AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Learn the guitar");
        await user.HabitAsync(goal, "Practise scales");
        using var cli = new CliHarness(app).As(user);

        var badTime = await cli.RunAsync("remind", "scales", "25:00");
        var badDay = await cli.RunAsync("remind", "scales", "07:30", "--weekdays", "mon,someday");
        var nothingToRemove = await cli.RunAsync("remind", "scales", "07:30", "--off");
        var listed = await cli.RunAsync("remind", "scales");

        Assert.Equal(ExitCodes.Usage, badTime.ExitCode);
        Assert.Contains("HH:mm", badTime.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badDay.ExitCode);
        Assert.Contains("'someday' is not a day", badDay.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, nothingToRemove.ExitCode);
        Assert.Contains("has no reminders", listed.Out, StringComparison.Ordinal);
    }
}

public sealed class RemindCommandTests_Sqlite(KestrelSqliteApp app) : RemindCommandTests(app);

public sealed class RemindCommandTests_Postgres(KestrelPostgresApp app) : RemindCommandTests(app);
