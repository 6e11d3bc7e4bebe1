using System.Text.Json;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>goals</c>, <c>status</c> and <c>roadmap</c>: tables for people, the API's JSON for scripts.</summary>
public abstract class ReadingCommandTests(RecetaApp app)
{
    [Fact]
    public async Task Goals_ListsEveryGoalWithItsIdAndRole()
    {
        var user = await app.CreateUserAsync();
        var first = await user.GoalAsync("Climb Aconcagua");
        var second = await user.GoalAsync("Learn Portuguese", measured: false);
        using var cli = new CliHarness(app).As(user);

        var goals = await cli.RunAsync("goals");

        Assert.True(goals.ExitCode == 0, goals.ToString());
        var lines = goals.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(first, StringComparison.Ordinal) && l.Contains("Climb Aconcagua", StringComparison.Ordinal) && l.Contains("owner", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(second, StringComparison.Ordinal) && l.Contains("Learn Portuguese", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", goals.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colour_OnATerminalOnly_AndNeverWithNoColor()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Paint a mural");
        using var cli = new CliHarness(app).As(user);
        cli.Terminal = true;

        var coloured = await cli.RunAsync("status");
        cli["NO_COLOR"] = "1";
        var plain = await cli.RunAsync("status");

        Assert.Contains("\u001b[", coloured.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plain.Out, StringComparison.Ordinal);
        Assert.Contains("Paint a mural", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_Json_PrintsTheApisItems()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Sail to Mallorca");
        using var cli = new CliHarness(app).As(user);

        var goals = await cli.RunAsync("goals", "--json");

        Assert.True(goals.ExitCode == 0, goals.ToString());
        using var json = JsonDocument.Parse(goals.Out);
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(goal, item.GetProperty("id").GetString());
        Assert.Equal("active", item.GetProperty("status").GetString());
        Assert.Equal(100, item.GetProperty("measure").GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task Status_EveryGoal_ShowsSymbolWordPercentBufferNextWindowAndScore()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Save for a house");
        await user.MilestoneAsync(goal, "First ten thousand");
        using var cli = new CliHarness(app).As(user);
        Assert.Equal(0, (await cli.RunAsync("log", "house", "40", "--date", "2025-02-01")).ExitCode);

        var status = await cli.RunAsync("status");

        Assert.True(status.ExitCode == 0, status.ToString());
        var lines = status.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["STATUS", "GOAL", "DONE", "BUFFER", "NEXT", "MILESTONE", "P50–P90", "ON", "TIME", "SCORE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(lines, l => l.Contains("Save for a house", StringComparison.Ordinal));
        Assert.Matches("^(▲ ahead|● on track|▼ behind|✕ off track|★ achieved|○ open) ", row);
        Assert.Contains("40 %", row, StringComparison.Ordinal);
        Assert.Contains("First ten thousand", row, StringComparison.Ordinal);
        Assert.Matches(@"[+-]?\d+d", row);
        Assert.Matches(@"\d/6$", row);
    }

    [Fact]
    public async Task Status_Json_PrintsTheDashboardItems()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Run a half marathon");
        await user.HabitAsync(goal, "Run three times a week");
        using var cli = new CliHarness(app).As(user);

        var status = await cli.RunAsync("status", "--json");

        Assert.True(status.ExitCode == 0, status.ToString());
        using var json = JsonDocument.Parse(status.Out);
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(goal, item.GetProperty("goal").GetProperty("id").GetString());
        Assert.Equal("owner", item.GetProperty("role").GetString());
        Assert.True(item.TryGetProperty("percentComplete", out _));
        Assert.True(item.TryGetProperty("score", out _));
        Assert.Equal("Run three times a week", item.GetProperty("habitsDueToday")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Status_OneGoal_ShowsTheGoalInDetailWithItsRoadmap()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Publish a paper");
        await user.MilestoneAsync(goal, "Draft", "2025-04-01");
        await user.MilestoneAsync(goal, "Submit", "2025-06-01");
        using var cli = new CliHarness(app).As(user);

        var status = await cli.RunAsync("status", "paper");
        var json = await cli.RunAsync("status", "paper", "--json");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.StartsWith("Publish a paper", status.Out, StringComparison.Ordinal);
        Assert.Contains("Roadmap", status.Out, StringComparison.Ordinal);
        Assert.Contains("→  Draft", status.Out, StringComparison.Ordinal);
        Assert.Contains("Submit", status.Out, StringComparison.Ordinal);
        Assert.Contains("/6", status.Out, StringComparison.Ordinal);
        Assert.Matches("on time (–|\\d+ %)", status.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(2, document.RootElement.GetProperty("roadmap").GetProperty("items").GetArrayLength());
        Assert.True(document.RootElement.GetProperty("progress").TryGetProperty("bufferDays", out _));
    }

    [Fact]
    public async Task Roadmap_ShowsMilestonesInScheduleOrderWithTheNextMarked()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Build a boat");
        var hull = await user.MilestoneAsync(goal, "Hull", "2025-04-01");
        await user.MilestoneAsync(goal, "Mast", "2025-05-01");
        using var cli = new CliHarness(app).As(user);

        var roadmap = await cli.RunAsync("roadmap", "boat");
        var json = await cli.RunAsync("roadmap", "boat", "--json");

        Assert.True(roadmap.ExitCode == 0, roadmap.ToString());
        var lines = roadmap.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("→  Hull", lines[1], StringComparison.Ordinal);
        Assert.Contains("Mast", lines[2], StringComparison.Ordinal);
        Assert.Contains("2025-04-01", lines[1], StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(hull, document.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Status_GoalWithATargetDate_ShowsItsOddsInBothViews()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Train for the triathlon");
        using var cli = new CliHarness(app).As(user);
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 1, 14); day = day.AddDays(1))
        {
            var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(0, (await cli.RunAsync("log", goal, "1", "--date", date)).ExitCode);
            Assert.Equal(0, (await cli.RunAsync("work", goal, "1h", "--date", date)).ExitCode);
        }

        var all = await cli.RunAsync("status");
        var one = await cli.RunAsync("status", goal);

        // 1 hour a day at the start of 2025 reaches 100 long before 2025-12-31, whatever today is: certain, or past the target date.
        Assert.True(all.ExitCode == 0, all.ToString());
        var row = Assert.Single(all.Out.Split('\n'), l => l.Contains("Train for the triathlon", StringComparison.Ordinal));
        Assert.Matches(@"(100|0) % +\d/6", row);
        Assert.Matches("on time (100|0) %", one.Out);
    }

    [Fact]
    public async Task Status_Spanish_SpeaksSpanishByLangOptionOrEnvironment()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Aprender a nadar");
        using var cli = new CliHarness(app).As(user);

        var byOption = await cli.RunAsync("status", "--lang", "es");
        cli["LANG"] = "es_MX.UTF-8";
        var byEnvironment = await cli.RunAsync("goals");
        var english = await cli.RunAsync("goals", "--lang", "en");

        Assert.True(byOption.ExitCode == 0, byOption.ToString());
        Assert.StartsWith("ESTADO", byOption.Out, StringComparison.Ordinal);
        Assert.Contains("META", byOption.Out, StringComparison.Ordinal);
        Assert.Contains("PRÓXIMO HITO", byOption.Out, StringComparison.Ordinal);
        Assert.Matches("(adelantado|en camino|atrasado|desviado|logrado|abierto)", byOption.Out);
        Assert.Contains("TÍTULO", byEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("dueño", byEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("activa", byEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("TITLE", english.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_Spanish_ConfirmsInSpanish()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Correr un maratón");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "maratón", "2.5", "--lang", "es");

        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Equal("Registrado 2,5 en Correr un maratón el 2025-03-01.", log.Out.Trim());
    }

    [Fact]
    public async Task Status_Portuguese_SpeaksPortugueseByLangOptionOrEnvironment()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Aprender a nadar");
        using var cli = new CliHarness(app).As(user);

        var byOption = await cli.RunAsync("status", "--lang", "pt-BR");
        cli["LANG"] = "pt_BR.UTF-8";
        var byEnvironment = await cli.RunAsync("goals");
        var english = await cli.RunAsync("goals", "--lang", "en");

        Assert.True(byOption.ExitCode == 0, byOption.ToString());
        Assert.StartsWith("SITUAÇÃO", byOption.Out, StringComparison.Ordinal);
        Assert.Contains("META", byOption.Out, StringComparison.Ordinal);
        Assert.Contains("PRÓXIMO MARCO", byOption.Out, StringComparison.Ordinal);
        Assert.Matches("(adiantado|no ritmo|atrasado|fora do rumo|alcançado|aberto)", byOption.Out);
        Assert.Contains("TÍTULO", byEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("dono", byEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("ativa", byEnvironment.Out, StringComparison.Ordinal);
        Assert.Contains("TITLE", english.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_Portuguese_ConfirmsInPortuguese()
    {
        var user = await app.CreateUserAsync();
        await user.GoalAsync("Correr uma maratona");
        using var cli = new CliHarness(app).As(user);

        var log = await cli.RunAsync("log", "maratona", "2.5", "--lang", "pt-BR");

        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Equal("Registrado 2,5 em Correr uma maratona no dia 2025-03-01.", log.Out.Trim());
    }
}

public sealed class ReadingCommandTests_Sqlite(KestrelSqliteApp app) : ReadingCommandTests(app);

public sealed class ReadingCommandTests_Postgres(KestrelPostgresApp app) : ReadingCommandTests(app);
