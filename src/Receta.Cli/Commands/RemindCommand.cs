using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Receta.Cli.Local;
using Receta.Contracts;

namespace Receta.Cli.Commands;

/// <summary>
/// <c>receta remind HABIT [TIME] [--weekdays mon,wed] [--off] [--goal GOAL]</c>: an email reminder of
/// a habit at a local time (connections.md §4). A time the habit has a reminder at is replaced;
/// <c>--off</c> removes it; no time lists the habit's reminders. HABIT is found among the habits of
/// every goal, or of <c>--goal</c>'s.
/// </summary>
public static class RemindCommand
{
    public static Command Create(CliRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var habit = new Argument<string>("HABIT") { Description = "The habit: its id, or an unambiguous piece of its title" };
        var time = new Argument<string?>("TIME") { Description = "The local time, HH:mm (e.g. 07:30); leave it out to list the habit's reminders", Arity = ArgumentArity.ZeroOrOne };
        var weekdays = new Option<string?>("--weekdays") { Description = "The days, e.g. mon,wed,fri (every day when left out)" };
        var off = new Option<bool>("--off") { Description = "Remove the reminder at TIME" };
        var goal = new Option<string?>("--goal") { Description = "The goal the habit is in, when another goal has a habit of that name" };
        var command = new Command("remind", "Get an email reminding you of a habit at a time of day") { habit, time, weekdays, off, goal };
        command.SetAction(run.Action(async (session, parse, cancellationToken) =>
        {
            var texts = session.Texts;
            var at = parse.GetValue(time) is { } text ? Time(text, texts) : null;
            var days = parse.GetValue(weekdays) is { } list ? Days(list, texts) : null;
            var (goalId, found) = await FindAsync(session, parse.GetRequiredValue(habit), parse.GetValue(goal), cancellationToken);
            var path = $"{Names.GoalPath(goalId)}/habits/{Uri.EscapeDataString(found.Id)}";
            var (current, body) = await session.GetAsync(path, CliJsonContext.Default.HabitResponse, cancellationToken);
            if (at is null)
            {
                if (session.Json)
                {
                    session.WriteJson(body);
                }
                else if (current.Reminders.Count == 0)
                {
                    session.Console.Out.WriteLine(texts.NoReminders(current.Title));
                }
                else
                {
                    foreach (var reminder in current.Reminders)
                    {
                        session.Console.Out.WriteLine($"{reminder.Time}  {DayList(reminder.Weekdays, texts)}");
                    }
                }
                return ExitCodes.Done;
            }
            var kept = current.Reminders.Where(r => r.Time != at).Select(r => new ReminderFields(r.Time, r.Weekdays)).ToList();
            if (parse.GetValue(off) && kept.Count == current.Reminders.Count)
            {
                throw new CommandFailedException(ExitCodes.Usage, texts.NoReminderAt(current.Title, at));
            }
            var reminders = parse.GetValue(off) ? kept : [.. kept, new ReminderFields(at, days)];
            var patch = JsonSerializer.SerializeToUtf8Bytes(new HabitFields(null, null, null, [.. reminders.OrderBy(r => r.Time, StringComparer.Ordinal)]), CliJsonContext.Default.HabitFields);
            var changed = await session.SendOrFailAsync(HttpMethod.Patch, path, patch, cancellationToken: cancellationToken);
            if (session.Json)
            {
                session.WriteJson(changed.Body);
                return ExitCodes.Done;
            }
            session.Console.Out.WriteLine(parse.GetValue(off)
                ? texts.ReminderRemoved(current.Title, at)
                : texts.ReminderSet(current.Title, at, DayList(days ?? [], texts)));
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>The habit among the goal's habits, or among every goal's when no goal is named.</summary>
    private static async Task<(string GoalId, NamedItem Habit)> FindAsync(CliSession session, string habit, string? goal, CancellationToken cancellationToken)
    {
        var names = new Names(session);
        if (goal is not null)
        {
            var target = await names.GoalAsync(goal, cancellationToken);
            return (target.Id, await names.HabitAsync(target, habit, cancellationToken));
        }
        var (goals, _) = await session.GetAsync($"{Names.GoalsPath}?limit=1000", CliJsonContext.Default.PageGoalResponse, cancellationToken);
        var everywhere = new List<(string GoalId, NamedItem Habit)>();
        foreach (var item in goals.Items)
        {
            var (habits, _) = await session.GetAsync($"{Names.GoalPath(item.Id.ToString())}/habits", CliJsonContext.Default.ItemListHabitResponse, cancellationToken);
            everywhere.AddRange(habits.Items.Select(h => (item.Id.ToString(), new NamedItem(h.Id.ToString(), h.Title))));
        }
        if (Guid.TryParse(habit.Trim(), out var id) && everywhere.FirstOrDefault(h => Guid.Parse(h.Habit.Id) == id) is { Habit: not null } byId)
        {
            return byId;
        }
        var match = Names.Match([.. everywhere.Select(h => h.Habit)], habit.Trim(), session.Texts);
        return everywhere.First(h => h.Habit.Id == match.Id);
    }

    private static string Time(string text, Output.Texts texts) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : throw new CommandFailedException(ExitCodes.Usage, texts.NotATime);

    private static List<Weekday> Days(string list, Output.Texts texts) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(day => Enum.TryParse<Weekday>(day, ignoreCase: true, out var parsed) && !int.TryParse(day, out _)
                ? parsed
                : throw new CommandFailedException(ExitCodes.Usage, texts.NotAWeekday(day)))
            .Distinct()];

    private static string DayList(IReadOnlyList<Weekday> days, Output.Texts texts) =>
        days.Count is 0 or 7 ? texts.EveryDay : string.Join(",", days.Select(d => d.ToString().ToLowerInvariant()));
}
