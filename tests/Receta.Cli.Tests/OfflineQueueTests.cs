using System.Text.Json;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary>
/// <c>log</c>, <c>work</c> and <c>check</c> while the server is down are queued on disk and sent by
/// the next command that reaches it, each once, with its Idempotency-Key.
/// </summary>
public abstract class OfflineQueueTests(RecetaApp app)
{
    [Fact]
    public async Task Queue_ServerDownThenBack_NextCommandSendsEachRequestOnce()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Hike the Camino");
        var habit = await user.HabitAsync(goal, "Walk ten kilometres");
        using var proxy = new SwitchableProxy(app.ServerAddress);
        using var cli = new CliHarness(app).As(user, proxy.Address);
        // The names are learnt while the server answers, and found again while it does not.
        Assert.Equal(0, (await cli.RunAsync("check", "camino", "walk", "--date", "2025-02-27")).ExitCode);

        proxy.Stop();
        var log = await cli.RunAsync("log", "camino", "7", "--note", "rainy");
        var work = await cli.RunAsync("work", "camino", "2h");
        var check = await cli.RunAsync("check", "camino", "walk");

        foreach (var queued in new[] { log, work, check })
        {
            Assert.True(queued.ExitCode == ExitCodes.Done, queued.ToString());
            Assert.Contains("queued", queued.Error, StringComparison.Ordinal);
        }
        var files = Directory.GetFiles(cli.QueueFolder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);
        var keys = files.Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("idempotencyKey").GetString()).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k)));
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{goal}/entries"));

        proxy.Start();
        var next = await cli.RunAsync("goals");
        var sync = await cli.RunAsync("sync");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("Sent 3 queued requests.", next.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing to send.", sync.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.QueueFolder));
        var entry = Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/entries"));
        Assert.Equal(7, entry.GetProperty("value").GetDouble());
        Assert.Equal("2025-03-01", entry.GetProperty("date").GetString());
        var session = Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/work"));
        Assert.Equal(120, session.GetProperty("minutes").GetInt32());
        using var view = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits/{habit}", TestContext.Current.CancellationToken);
        var checks = (await view.ReadJsonAsync()).GetProperty("checks").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["2025-02-27", "2025-03-01"], checks);
    }

    [Fact]
    public async Task Queue_StillDown_SyncKeepsEverythingAndExits3()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Learn Japanese");
        using var proxy = new SwitchableProxy(app.ServerAddress);
        using var cli = new CliHarness(app).As(user, proxy.Address);
        proxy.Stop();

        var log = await cli.RunAsync("log", goal, "1");
        var sync = await cli.RunAsync("sync");
        var again = await cli.RunAsync("sync");

        Assert.Equal(ExitCodes.Done, log.ExitCode);
        Assert.Equal(ExitCodes.Unreachable, sync.ExitCode);
        Assert.Equal(ExitCodes.Unreachable, again.ExitCode);
        Assert.Single(Directory.GetFiles(cli.QueueFolder));

        proxy.Start();
        var sent = await cli.RunAsync("sync", "--json");

        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.Contains("\"sent\":1", sent.Out, StringComparison.Ordinal);
        Assert.Single(await user.ItemsAsync($"/api/v1/goals/{goal}/entries"));
    }

    [Fact]
    public async Task Queue_RefusedWhenSent_IsPrintedAndRemoved()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Be patient", measured: false);
        using var proxy = new SwitchableProxy(app.ServerAddress);
        using var cli = new CliHarness(app).As(user, proxy.Address);
        proxy.Stop();
        Assert.Equal(ExitCodes.Done, (await cli.RunAsync("log", goal, "1")).ExitCode);
        proxy.Start();

        var sync = await cli.RunAsync("sync");

        Assert.Equal(ExitCodes.Refused, sync.ExitCode);
        Assert.Contains("measure: This goal has no measure", sync.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.QueueFolder));
    }

    [Fact]
    public async Task Queue_ForAnotherServer_WaitsForThatServer()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Plant a garden");
        using var cli = new CliHarness(app).As(user, CliHarness.DeadServer());
        Assert.Equal(ExitCodes.Done, (await cli.RunAsync("log", goal, "1")).ExitCode);

        var sync = await cli.As(user).RunAsync("sync");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Contains("1 queued for another server", sync.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cli.QueueFolder));
        Assert.Empty(await user.ItemsAsync($"/api/v1/goals/{goal}/entries"));
    }

    [Fact]
    public async Task Queue_Attempt_IsNotQueuedAndExits3()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Get into the choir");
        using var cli = new CliHarness(app).As(user, CliHarness.DeadServer());

        var attempt = await cli.RunAsync("attempt", goal, "Audition", "--outcome", "pending");

        Assert.Equal(ExitCodes.Unreachable, attempt.ExitCode);
        Assert.False(Directory.Exists(cli.QueueFolder) && Directory.GetFiles(cli.QueueFolder).Length > 0);
    }
}

public sealed class OfflineQueueTests_Sqlite(KestrelSqliteApp app) : OfflineQueueTests(app);

public sealed class OfflineQueueTests_Postgres(KestrelPostgresApp app) : OfflineQueueTests(app);
