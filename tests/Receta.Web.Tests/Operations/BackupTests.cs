using System.Net;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Tests.Security;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// Backups as the README tells an operator to make them: taken while the app serves (SQLite: the
/// host's <c>backup --to FILE</c>; PostgreSQL: <c>pg_dump -Fc</c>), restored, and a second app on the
/// copy answers every view as the first did, to the same token.
/// </summary>
public abstract class BackupTests(RecetaApp app) : IDisposable
{
    protected const string AsOf = "2025-02-10";

    /// <summary>Where a test's backup and restored copy go; removed after it.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("receta-backup-").FullName;

    /// <summary>Backs up the running app's database, restores it and starts a second app on the copy.</summary>
    protected abstract Task<RecetaApp> BackUpAndRestoreAsync();

    [Fact]
    public async Task Backup_RestoredUnderASecondApp_AnswersTheSameViews()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateJourneyAsync(user);
        string[] views =
        [
            $"/api/v1/goals/{goal}", $"/api/v1/goals/{goal}/progress?asOf={AsOf}", $"/api/v1/goals/{goal}/roadmap?asOf={AsOf}",
            $"/api/v1/goals/{goal}/recipe?asOf={AsOf}", $"/api/v1/goals/{goal}/readiness", $"/api/v1/goals/{goal}/attempts?asOf={AsOf}",
            $"/api/v1/goals/{goal}/entries", $"/api/v1/dashboard?asOf={AsOf}",
        ];
        var before = await ReadAsync(user.Api, views);

        await using var restored = await BackUpAndRestoreAsync();
        using var client = restored.CreateApiClient(user.Token.Secret);
        var after = await ReadAsync(client, views);

        Assert.Equal(before, after);
    }

    /// <summary>A goal with each ingredient: a measure and entries, milestones with a dependency, a skill, work, a habit, an attempt.</summary>
    private static async Task<string> CreateJourneyAsync(TestUser user)
    {
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Pass the entrance exam",
            purpose = "First in my family to go to college",
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" },
        }));
        var prefix = $"/api/v1/goals/{goal}";
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 2, 9); day = day.AddDays(3))
        {
            await PostAsync(user, $"{prefix}/entries", new { date = day, value = 2.5 });
        }
        var algebra = Id(await PostAsync(user, $"{prefix}/milestones", new { title = "Algebra review", dueDate = "2025-02-01", estimateHours = 20 }));
        await PostAsync(user, $"{prefix}/milestones", new { title = "Mock exam", dueDate = "2025-03-15", estimateHours = 4, dependsOn = new[] { algebra } });
        await PostAsync(user, $"{prefix}/skills", new { name = "Calculus", level = 1, targetLevel = 4 });
        await PostAsync(user, $"{prefix}/work", new { date = "2025-01-02", minutes = 90, milestoneId = algebra });
        var habit = Id(await PostAsync(user, $"{prefix}/habits", new { title = "Practice problems", times = 3, perDays = 7 }));
        await PostAsync(user, $"{prefix}/habits/{habit}/checks", new { date = "2025-02-03" });
        await PostAsync(user, $"{prefix}/attempts", new { title = "Practice exam", date = "2025-01-20", outcome = "failed", lesson = "Time every section" });
        return goal;
    }

    private static async Task<List<string>> ReadAsync(HttpClient client, IEnumerable<string> paths)
    {
        var bodies = new List<string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            bodies.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        return bodies;
    }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class BackupTests_Sqlite(SqliteApp app) : BackupTests(app)
{
    protected override async Task<RecetaApp> BackUpAndRestoreAsync()
    {
        // The shared app goes on serving (and other tests writing) while the copy is made.
        var backup = Path.Combine(Folder, "receta-backup.db");
        var (exitCode, output) = await RecetaProgram.RunAsync(Folder, "backup", "--to", backup, "--ConnectionStrings:Receta", $"Data Source={app.SqliteFile}");
        Assert.True(exitCode == 0, output);
        Assert.Contains($"to {backup}", output, StringComparison.Ordinal);
        // A SQLite restore is the file put where the app's database goes.
        var restored = Path.Combine(Folder, "receta.db");
        File.Copy(backup, restored);
        return await OwnApp.InitializeOrDisposeAsync(new RecetaApp(DatabaseProvider.Sqlite) { ExistingDatabase = restored });
    }

    [Fact]
    public async Task BackupCommand_TargetExists_RefusesAndLeavesItAsItIs()
    {
        var target = Path.Combine(Folder, "taken.db");
        await File.WriteAllTextAsync(target, "not a backup", TestContext.Current.CancellationToken);

        var (exitCode, output) = await RecetaProgram.RunAsync(Folder, "backup", "--to", target, "--ConnectionStrings:Receta", $"Data Source={app.SqliteFile}");

        Assert.Equal(1, exitCode);
        Assert.Contains("exists already", output, StringComparison.Ordinal);
        Assert.Equal("not a backup", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
        Assert.Equal([target], Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task BackupCommand_NoDatabaseThere_RefusesAndCreatesNone()
    {
        var missing = Path.Combine(Folder, "missing.db");
        var target = Path.Combine(Folder, "backup.db");

        var (exitCode, output) = await RecetaProgram.RunAsync(Folder, "backup", "--to", target, "--ConnectionStrings:Receta", $"Data Source={missing}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"There is no database at {missing}", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Fact]
    public async Task BackupCommand_WithoutTarget_ShowsUsage()
    {
        var (exitCode, output) = await RecetaProgram.RunAsync(Folder, "backup", "--ConnectionStrings:Receta", $"Data Source={app.SqliteFile}");

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: backup --to FILE", output, StringComparison.Ordinal);
    }
}

public sealed class BackupTests_Postgres(PostgresApp app) : BackupTests(app)
{
    protected override async Task<RecetaApp> BackUpAndRestoreAsync()
    {
        var server = app.Postgres!;
        var dump = Path.Combine(Folder, "receta.dump");
        await server.DumpAsync(app.DatabaseName!, dump);
        var restored = $"receta_restored_{Guid.NewGuid().ToString("N")[..12]}";
        await server.RestoreAsync(dump, restored);
        return await OwnApp.InitializeOrDisposeAsync(new RecetaApp(DatabaseProvider.Postgres, server: server) { ExistingDatabase = restored });
    }

    [Fact]
    public async Task BackupCommand_OnPostgres_GivesThePgDumpCommandForItsDatabase()
    {
        var target = Path.Combine(Folder, "receta.dump");

        var (exitCode, output) = await RecetaProgram.RunAsync(Folder,
            "backup", "--to", target, "--Database:Provider", "postgres", "--ConnectionStrings:Receta", app.ConnectionString);

        Assert.Equal(2, exitCode);
        Assert.Contains($"pg_dump -Fc -h {PostgresServer.Host} -p {app.Postgres!.Port} -U {PostgresServer.SuperUser} -d {app.DatabaseName} -f {target}", output, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }
}
