using System.CommandLine;
using System.Text.Json;
using Receta.Cli.Local;
using Receta.Cli.Output;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary><c>receta goals</c>: every goal, own and shared, with its id (to name it exactly).</summary>
public static class GoalsCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var command = new Command("goals", "List your goals, own and shared");
        command.SetAction(run.Action(async (session, _, cancellationToken) =>
        {
            var goals = await ListAsync(session, cancellationToken);
            if (session.Json)
            {
                WriteItemsJson(session, goals.Select(g => g.Body));
                return ExitCodes.Done;
            }
            var texts = session.Texts;
            if (goals.Count == 0)
            {
                session.Console.Out.WriteLine(texts.NoGoals);
                return ExitCodes.Done;
            }
            var table = new Table(texts.ColumnId, texts.ColumnTitle, texts.ColumnRole, texts.ColumnStatus);
            foreach (var (goal, _) in goals)
            {
                table.Add(goal.Id.ToString(), goal.Title, texts.RoleWord(Wire(goal.Role)), texts.GoalStatusWord(Wire(goal.Status)));
            }
            table.Write(session.Console.Out, session.Colour);
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>Every goal, page after page, each with its JSON as received; remembered for names offline.</summary>
    public static async Task<List<(GoalResponse Goal, JsonElement Body)>> ListAsync(CliSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var goals = new List<(GoalResponse, JsonElement)>();
        string? cursor = null;
        do
        {
            var (page, body) = await session.GetAsync($"{Names.GoalsPath}?limit=1000{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}",
                CliJsonContext.Default.PageGoalResponse, cancellationToken);
            using var document = JsonDocument.Parse(body);
            var raw = document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
            goals.AddRange(page.Items.Zip(raw));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        new Names(session).Remember(Names.GoalsPath, goals.Select(g => new NamedItem(g.Item1.Id.ToString(), g.Item1.Title)).ToList());
        return goals;
    }

    /// <summary>Writes <c>{"items":[...],"nextCursor":null}</c> from items as received.</summary>
    public static void WriteItemsJson(CliSession session, IEnumerable<JsonElement> items)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }
            writer.WriteEndArray();
            writer.WriteNull("nextCursor");
            writer.WriteEndObject();
        }
        session.WriteJson(buffer.ToArray());
    }

    /// <summary>An enum as the API writes it (<c>onTrack</c>), for the words of <see cref="Texts"/>.</summary>
    public static string Wire<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
