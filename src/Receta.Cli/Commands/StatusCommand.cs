using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Receta.Cli.Local;
using Receta.Cli.Output;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta status</c>: every goal as a row (status symbol and word, percent, buffer, next
/// milestone, P50–P90 window, odds of arriving on time, score); <c>receta status GOAL</c>: one goal in detail with its roadmap.
/// </summary>
public static class StatusCommand
{
    public const int IngredientCount = 6;

    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        goal.Arity = ArgumentArity.ZeroOrOne;
        var command = new Command("status", "Where every goal stands, or one goal in detail") { goal };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
            parse.GetValue(goal) is { } one ? await OneAsync(session, one, cancellationToken) : await AllAsync(session, cancellationToken)));
        return command;
    }

    private static async Task<int> AllAsync(CliSession session, CancellationToken cancellationToken)
    {
        var (dashboard, body) = await session.GetAsync("/api/v1/dashboard", CliJsonContext.Default.DashboardResponse, cancellationToken);
        new Names(session).Remember(Names.GoalsPath, dashboard.Items.Select(i => new NamedItem(i.Goal.Id.ToString(), i.Goal.Title)).ToList());
        if (session.Json)
        {
            session.WriteJson(body);
            return ExitCodes.Done;
        }
        var texts = session.Texts;
        if (dashboard.Items.Count == 0)
        {
            session.Console.Out.WriteLine(texts.NoGoals);
            return ExitCodes.Done;
        }
        var table = new Table(texts.ColumnStatus, texts.ColumnGoal, texts.ColumnDone, texts.ColumnBuffer, texts.ColumnNext, texts.ColumnForecast, texts.ColumnOnTime, texts.ColumnScore);
        foreach (var item in dashboard.Items)
        {
            table.Add(
                StatusView.Cell(item.Status, texts),
                item.Goal.Title,
                new Cell(StatusView.Percent(item.PercentComplete, texts), AlignRight: true),
                new Cell(StatusView.Buffer(item.BufferDays, texts), AlignRight: true),
                item.Next?.Title ?? "–",
                StatusView.Window(item.Forecast),
                new Cell(StatusView.Odds(item.OnTimeProbability, texts), AlignRight: true),
                new Cell(Score(item.Score), AlignRight: true));
        }
        table.Write(session.Console.Out, session.Colour);
        return ExitCodes.Done;
    }

    private static async Task<int> OneAsync(CliSession session, string argument, CancellationToken cancellationToken)
    {
        var target = await new Names(session).GoalAsync(argument, cancellationToken);
        var path = Names.GoalPath(target.Id);
        var (goal, goalBody) = await session.GetAsync(path, CliJsonContext.Default.GoalResponse, cancellationToken);
        var (progress, progressBody) = await session.GetAsync($"{path}/progress", CliJsonContext.Default.ProgressResponse, cancellationToken);
        var (roadmap, roadmapBody) = await session.GetAsync($"{path}/roadmap", CliJsonContext.Default.RoadmapResponse, cancellationToken);
        var (recipe, recipeBody) = await session.GetAsync($"{path}/recipe", CliJsonContext.Default.RecipeResponse, cancellationToken);
        var (habits, habitsBody) = await session.GetAsync($"{path}/habits", CliJsonContext.Default.ItemListHabitResponse, cancellationToken);
        if (session.Json)
        {
            WriteJson(session, ("goal", goalBody), ("progress", progressBody), ("roadmap", roadmapBody), ("recipe", recipeBody), ("habits", habitsBody));
            return ExitCodes.Done;
        }

        var texts = session.Texts;
        var output = session.Console.Out;
        output.WriteLine(goal.Title);
        var symbol = StatusView.Cell(progress.Status, texts);
        output.WriteLine(string.Join("  ·  ",
            session.Colour && symbol.Colour is { } colour ? $"{colour}{symbol.Text}{Ansi.Reset}" : symbol.Text,
            StatusView.Percent(progress.PercentComplete, texts),
            $"{texts.Buffer} {StatusView.Buffer(progress.BufferDays, texts)}",
            $"P50–P90 {StatusView.Window(progress.Forecast)}",
            $"{texts.OnTime} {StatusView.Odds(progress.OnTimeProbability, texts)}",
            $"{texts.Score} {Score(recipe.Score)}"));
        if (goal.Measure is { } measure && progress.Current is { } current)
        {
            output.WriteLine($"{texts.Progress}: {texts.Number(current, "0.##")} / {texts.Number(measure.Target, "0.##")} {measure.Unit}"
                + (goal.TargetDate is { } due ? $" ({texts.Due} {StatusView.Date(due)})" : ""));
        }
        if (progress.FinishAtCapacity is { } atCapacity)
        {
            output.WriteLine(texts.AtCapacity(texts.Number(goal.WeeklyCapacityHours, "0.##"), StatusView.Date(atCapacity)));
        }
        if (habits.Items.Count > 0)
        {
            output.WriteLine($"{texts.HabitsToday}: " + string.Join(", ", habits.Items.Select(h => $"{(h.Checks.Contains(progress.AsOf) ? "☑" : "☐")} {h.Title}")));
        }
        output.WriteLine();
        output.WriteLine(texts.Roadmap);
        RoadmapCommand.Write(session, roadmap);
        return ExitCodes.Done;
    }

    private static string Score(int score) => string.Create(CultureInfo.InvariantCulture, $"{score}/{IngredientCount}");

    /// <summary>One object whose members are the API's answers as received.</summary>
    private static void WriteJson(CliSession session, params (string Name, byte[] Body)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, body) in parts)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(body);
            }
            writer.WriteEndObject();
        }
        session.WriteJson(buffer.ToArray());
    }
}
