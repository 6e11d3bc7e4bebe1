using System.CommandLine;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary><c>receta check GOAL HABIT [--date] [--skip]</c>: ticks (or skips) a habit for a day. Queued when the server is unreachable.</summary>
public static class CheckCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        var habit = new Argument<string>("HABIT") { Description = "The habit: its id, or an unambiguous piece of its title" };
        var date = Arguments.Date();
        var skip = new Option<bool>("--skip") { Description = "Skip the day instead (a planned rest: the streak is kept)" };
        var command = new Command("check", "Tick a habit for a day") { goal, habit, date, skip };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var day = Dates.Parse(parse.GetValue(date), session.Today);
            var names = new Names(session);
            var target = await names.GoalAsync(parse.GetRequiredValue(goal), cancellationToken);
            var ticked = await names.HabitAsync(target, parse.GetRequiredValue(habit), cancellationToken);
            var skipping = parse.GetValue(skip);
            var path = $"{Names.GoalPath(target.Id)}/habits/{Uri.EscapeDataString(ticked.Id)}/{(skipping ? "skips" : "checks")}";
            var answer = await session.CreateAsync(path, new CheckHabitRequest(day), CliJsonContext.Default.CheckHabitRequest, queueWhenUnreachable: true, cancellationToken);
            var texts = session.Texts;
            // 201 marked the day, 200 found it marked already; a check on a skipped day (or the reverse) is the server's 409.
            return session.Report(answer, done => (skipping, done.Status == 201) switch
            {
                (true, true) => texts.Skipped(ticked.Title, Dates.Format(day)),
                (true, false) => texts.AlreadySkipped(ticked.Title, Dates.Format(day)),
                (false, true) => texts.Checked(ticked.Title, Dates.Format(day)),
                (false, false) => texts.AlreadyChecked(ticked.Title, Dates.Format(day)),
            });
        }));
        return command;
    }
}
