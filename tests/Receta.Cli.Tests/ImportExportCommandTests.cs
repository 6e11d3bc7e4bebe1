using System.Text;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>import</c> and <c>export</c>: a file in with what came of it, everything out and back in.</summary>
public abstract class ImportExportCommandTests(RecetaApp app)
{
    // Taskwarrior's `task export` with rc.json.array=0: two pending tasks of one project, and a deleted one.
    private const string Tasks =
        """
        {"id":1,"description":"Book the venue","due":"20250409T220000Z","entry":"20250301T081402Z","project":"Wedding","status":"pending","uuid":"29511555-d227-452f-a193-ee229ecc2830","urgency":8.2}
        {"id":2,"description":"Send the invitations","entry":"20250301T081430Z","project":"Wedding","status":"pending","uuid":"8bf9ee70-48a1-474b-8556-7bf2a6c03fc5","depends":["29511555-d227-452f-a193-ee229ecc2830"],"urgency":1.9}
        {"id":0,"description":"Old idea","end":"20250302T100000Z","entry":"20250301T090000Z","status":"deleted","uuid":"7ab94ed2-b791-4627-bb46-cb7257af002d","urgency":0}

        """;

    [Fact]
    public async Task Import_ATaskwarriorExport_MakesTheGoalAndSaysWhatCameIn()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        using var cli = new CliHarness(app).As(user);
        var file = Write(cli, "tasks.json", Tasks);

        var import = await cli.RunAsync("import", file);
        var again = await cli.RunAsync("import", file);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Imported 1 goal, 2 milestones.", import.Out, StringComparison.Ordinal);
        Assert.Contains("0 already here from an earlier import; 1 left out on purpose.", import.Out, StringComparison.Ordinal);
        Assert.Contains("Imported nothing new.", again.Out, StringComparison.Ordinal);
        Assert.Contains("3 already here from an earlier import", again.Out, StringComparison.Ordinal);
        var goal = Assert.Single(await user.ItemsAsync("/api/v1/goals"));
        Assert.Equal("Wedding", goal.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_DryRunOnATerminal_ShowsTheProgressBarAndChangesNothing()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        using var cli = new CliHarness(app) { Terminal = true }.As(user);
        cli["NO_COLOR"] = "1";

        var import = await cli.RunAsync("import", Write(cli, "tasks.json", Tasks), "--dry-run", "--lang", "es");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Importando tasks.json", import.Error, StringComparison.Ordinal);
        Assert.Contains("100%", import.Error, StringComparison.Ordinal);
        Assert.Contains("Prueba: entraría 1 meta, 2 hitos.", import.Out, StringComparison.Ordinal);
        Assert.Empty(await user.ItemsAsync("/api/v1/goals"));
    }

    [Fact]
    public async Task Import_EntriesWithABadRow_Exits1NamingTheLineAndImportsNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Practise the piano");
        using var cli = new CliHarness(app).As(user);

        var import = await cli.RunAsync("import", Write(cli, "hours.csv", "date,value\n2025-02-01,1.5\n2025-02-30,2\n"), "--goal", "piano");

        Assert.Equal(ExitCodes.Refused, import.ExitCode);
        Assert.Contains("The import failed and nothing was imported:", import.Out, StringComparison.Ordinal);
        Assert.Contains("entries.csv, line 3, date:", import.Out, StringComparison.Ordinal);
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{goal}/entries"));
    }

    [Fact]
    public async Task Import_EntriesWithoutAGoal_Exits1WithTheServersProblem()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user);

        var import = await cli.RunAsync("import", Write(cli, "hours.csv", "date,value\n2025-02-01,1.5\n"));

        Assert.Equal(ExitCodes.Refused, import.ExitCode);
        Assert.StartsWith("goalId:", import.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToAFile_ImportsIntoAnotherAccountWithItsGoals()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Learn Portuguese");
        await user.MilestoneAsync(goal, "Order lunch in Lisbon");
        var other = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user);
        var path = Path.Combine(cli.Folder, "everything.json");

        var export = await cli.RunAsync("export", "-o", path);
        using var theirs = new CliHarness(app).As(other);
        var import = await theirs.RunAsync("import", path);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Contains(path, export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path + ".partial"));
        Assert.Contains("Imported 1 goal, 1 milestone.", import.Out, StringComparison.Ordinal);
        Assert.Equal("Learn Portuguese", Assert.Single(await other.ItemsAsync("/api/v1/goals")).GetProperty("title").GetString());
    }

    private static string Write(CliHarness cli, string name, string text)
    {
        var path = Path.Combine(cli.Folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}

public sealed class ImportExportCommandTests_Sqlite(KestrelSqliteApp app) : ImportExportCommandTests(app);

public sealed class ImportExportCommandTests_Postgres(KestrelPostgresApp app) : ImportExportCommandTests(app);
