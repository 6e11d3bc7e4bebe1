using System.CommandLine;
using System.Globalization;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary><c>receta log GOAL VALUE [--date] [--note]</c>: an entry of the goal's measure. Queued when the server is unreachable.</summary>
public static class LogCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        var value = new Argument<double>("VALUE")
        {
            Description = "Where you are, in the goal's unit (an increment or a reading, as the measure says)",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return number;
                }
                result.AddError($"VALUE: '{text}' is not a number.");
                return 0;
            },
        };
        var date = Arguments.Date();
        var note = Arguments.Note();
        var command = new Command("log", "Log where you are on a goal") { goal, value, date, note };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var day = Dates.Parse(parse.GetValue(date), session.Today);
            var target = await new Names(session).GoalAsync(parse.GetRequiredValue(goal), cancellationToken);
            var amount = parse.GetValue(value);
            var answer = await session.CreateAsync($"{Names.GoalPath(target.Id)}/entries",
                new AddEntryRequest(day, amount, parse.GetValue(note)), CliJsonContext.Default.AddEntryRequest, queueWhenUnreachable: true, cancellationToken);
            return session.Report(answer, _ => session.Texts.Logged(session.Texts.Number(amount, "0.###"), target.Title, Dates.Format(day)));
        }));
        return command;
    }
}
