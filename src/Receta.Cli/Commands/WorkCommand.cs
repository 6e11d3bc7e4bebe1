using System.CommandLine;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary><c>receta work GOAL DURATION [--date] [--note] [--milestone M] [--skill S]</c>: a work session. Queued when the server is unreachable.</summary>
public static class WorkCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var goal = Arguments.Goal(run);
        var duration = new Argument<int>("DURATION")
        {
            Description = "How long: 90m, 1h30m, 2h, or bare minutes (45)",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Durations.ParseMinutes(text) is { } minutes)
                {
                    return minutes;
                }
                result.AddError($"DURATION: '{text}' is not a positive duration (90m, 1h30m, 2h or 45).");
                return 0;
            },
        };
        var date = Arguments.Date();
        var note = Arguments.Note();
        var milestone = new Option<string>("--milestone") { Description = "The milestone worked on: its id or a piece of its title" };
        var skill = new Option<string>("--skill") { Description = "The skill practised: its id or a piece of its name" };
        var command = new Command("work", "Log a work session on a goal") { goal, duration, date, note, milestone, skill };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var day = Dates.Parse(parse.GetValue(date), session.Today);
            var names = new Names(session);
            var target = await names.GoalAsync(parse.GetRequiredValue(goal), cancellationToken);
            var milestoneId = parse.GetValue(milestone) is { } m ? (await names.MilestoneAsync(target, m, cancellationToken)).Id : null;
            var skillId = parse.GetValue(skill) is { } s ? (await names.SkillAsync(target, s, cancellationToken)).Id : null;
            var minutes = parse.GetValue(duration);
            var answer = await session.CreateAsync($"{Names.GoalPath(target.Id)}/work",
                new LogWorkRequest(day, minutes, parse.GetValue(note), milestoneId, skillId), CliJsonContext.Default.LogWorkRequest, queueWhenUnreachable: true, cancellationToken);
            return session.Report(answer, _ => session.Texts.Worked(Durations.Format(minutes), target.Title));
        }));
        return command;
    }
}
