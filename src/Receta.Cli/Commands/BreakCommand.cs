using System.CommandLine;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta break GOAL FROM TO [--note]</c>: time off from a goal, both days included (exam season, an injury):
/// the road waits and habits are excused. Queued when the server is unreachable.
/// </summary>
public static class BreakCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        var from = new Argument<string>("FROM") { Description = "The first day of the break: YYYY-MM-DD, today or yesterday" };
        var to = new Argument<string>("TO") { Description = "The last day of the break, included: YYYY-MM-DD, today or yesterday" };
        var note = Arguments.Note();
        var command = new Command("break", "Take a break from a goal, from one day to another") { goal, from, to, note };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var first = Dates.Parse(parse.GetRequiredValue(from), session.Today, "FROM");
            var last = Dates.Parse(parse.GetRequiredValue(to), session.Today, "TO");
            var target = await new Names(session).GoalAsync(parse.GetRequiredValue(goal), cancellationToken);
            // An overlap with another break is the server's 409, a break over 366 days its 400: both are reported as it says.
            var answer = await session.CreateAsync($"{Names.GoalPath(target.Id)}/breaks",
                new BreakFields(first, last, parse.GetValue(note)), CliJsonContext.Default.BreakFields, queueWhenUnreachable: true, cancellationToken);
            return session.Report(answer, _ => session.Texts.BreakTaken(target.Title, Dates.Format(first), Dates.Format(last)));
        }));
        return command;
    }
}
