using System.CommandLine;
using Receta.Contracts;
using Receta.Core.Perseverance;

namespace Receta.Cli.Commands;

/// <summary><c>receta attempt GOAL TITLE --outcome succeeded|failed|pending [--date] [--feedback] [--lesson]</c>.</summary>
public static class AttemptCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        var title = new Argument<string>("TITLE") { Description = "What was tried: an application, an exam, an audition" };
        var outcome = new Option<string>("--outcome") { Description = "succeeded, failed or pending", Required = true };
        outcome.AcceptOnlyFromAmong("succeeded", "failed", "pending");
        var date = Arguments.Date();
        var feedback = new Option<string>("--feedback") { Description = "What you were told" };
        var lesson = new Option<string>("--lesson") { Description = "What you take into the next attempt" };
        var command = new Command("attempt", "Record an attempt and its outcome") { goal, title, outcome, date, feedback, lesson };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var day = Dates.Parse(parse.GetValue(date), session.Today);
            var target = await new Names(session).GoalAsync(parse.GetRequiredValue(goal), cancellationToken);
            var result = parse.GetRequiredValue(outcome) switch
            {
                "succeeded" => AttemptOutcome.Succeeded,
                "failed" => AttemptOutcome.Failed,
                _ => AttemptOutcome.Pending,
            };
            var answer = await session.CreateAsync($"{Names.GoalPath(target.Id)}/attempts",
                new AttemptFields(parse.GetRequiredValue(title), day, result, parse.GetValue(feedback), parse.GetValue(lesson)),
                CliJsonContext.Default.AttemptFields, queueWhenUnreachable: false, cancellationToken);
            return session.Report(answer, done =>
            {
                var attempt = done.Read(CliJsonContext.Default.AttemptResponse);
                return session.Texts.AttemptRecorded(attempt.Number, attempt.Title);
            });
        }));
        return command;
    }
}
