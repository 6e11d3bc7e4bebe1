using System.CommandLine;
using Receta.Cli.Output;
using Receta.Contracts;
using Receta.Core.Roadmap;

namespace Receta.Cli.Commands;

/// <summary><c>receta roadmap GOAL</c>: the milestones in schedule order, the next one marked, then those done.</summary>
public static class RoadmapCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        var command = new Command("roadmap", "Show a goal's roadmap") { goal };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var target = await new Names(session).GoalAsync(parse.GetRequiredValue(goal), cancellationToken);
            var (roadmap, body) = await session.GetAsync($"{Names.GoalPath(target.Id)}/roadmap", CliJsonContext.Default.RoadmapResponse, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(body);
            }
            else
            {
                Write(session, roadmap);
            }
            return ExitCodes.Done;
        }));
        return command;
    }

    public static void Write(CliSession session, RoadmapResponse roadmap)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(roadmap);
        var texts = session.Texts;
        if (roadmap.Items.Count == 0)
        {
            session.Console.Out.WriteLine(texts.NoMilestones);
            return;
        }
        var table = new Table("", texts.ColumnTitle, texts.ColumnStatus, texts.ColumnDue, texts.ColumnRemaining, texts.ColumnStart, texts.ColumnFinish, texts.ColumnLate);
        foreach (var item in roadmap.Items)
        {
            var done = item.Status == MilestoneStatus.Done;
            table.Add(
                item.Id == roadmap.Next ? "→" : done ? "✓" : "",
                item.Title,
                done ? texts.DoneStatus : texts.Todo,
                StatusView.Date(item.DueDate),
                new Cell(done ? "" : texts.Number(item.RemainingHours) + texts.Hours, AlignRight: true),
                StatusView.Date(done ? null : item.ProjectedStart),
                StatusView.Date(done ? item.CompletedOn : item.ProjectedFinish),
                item.Late ? new Cell(texts.Yes, Colour: Ansi.Red) : "");
        }
        table.Write(session.Console.Out, session.Colour);
        if (roadmap.ProjectedFinish is { } finish)
        {
            session.Console.Out.WriteLine($"{texts.ProjectedFinish}: {StatusView.Date(finish)}");
        }
    }
}
