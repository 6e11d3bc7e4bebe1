using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>A habit's reminders: read from the API's fields, checked, stored, and written back.</summary>
public static class HabitReminderRules
{
    private static readonly Weekday[] Week = [Weekday.Mon, Weekday.Tue, Weekday.Wed, Weekday.Thu, Weekday.Fri, Weekday.Sat, Weekday.Sun];

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DayOfWeek ToDayOfWeek(Weekday day) => day == Weekday.Sun ? DayOfWeek.Sunday : (DayOfWeek)((int)day + 1);

    public static Weekday ToWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? Weekday.Sun : (Weekday)((int)day - 1);

    /// <summary>The days of a stored mask, Monday first.</summary>
    public static IReadOnlyList<Weekday> Days(int mask) => [.. Week.Where(d => (mask & Bit(d)) != 0)];

    public static int Mask(IEnumerable<Weekday> days) => days.Aggregate(0, (mask, day) => mask | Bit(day));

    public static IReadOnlyList<ReminderFields> Fields(IEnumerable<HabitReminder> reminders) =>
        [.. reminders.OrderBy(r => r.Time).Select(r => new ReminderFields(Format(r.Time), Days(r.Weekdays)))];

    public static IReadOnlyList<ReminderResponse> Responses(IEnumerable<HabitReminder> reminders) =>
        [.. reminders.OrderBy(r => r.Time).Select(r => new ReminderResponse(Format(r.Time), Days(r.Weekdays)))];

    /// <summary>Checks the reminders sent; the errors name each field (<c>reminders[1].time</c>).</summary>
    public static IReadOnlyList<(TimeOnly Time, int Weekdays)> Read(IReadOnlyList<ReminderFields?>? fields, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (fields is null)
        {
            return [];
        }
        if (fields.Count > ApiLimits.MaxRemindersPerHabit)
        {
            errors.Add("reminders", $"A habit has at most {ApiLimits.MaxRemindersPerHabit} reminders.");
            return [];
        }
        var read = new List<(TimeOnly Time, int Weekdays)>();
        for (var i = 0; i < fields.Count; i++)
        {
            var field = $"reminders[{i}]";
            if (fields[i] is not { } reminder)
            {
                errors.Add(field, $"'{field}' must be an object with a 'time'.");
                continue;
            }
            if (reminder.Time is null || !TimeOnly.TryParseExact(reminder.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                errors.Add($"{field}.time", $"'{field}.time' must be a local time HH:mm, e.g. 07:30.");
                continue;
            }
            if (reminder.Weekdays is { Count: 0 })
            {
                errors.Add($"{field}.weekdays", $"'{field}.weekdays' must name at least one day (mon … sun), or be left out for every day.");
                continue;
            }
            if (read.Any(r => r.Time == time))
            {
                errors.Add($"{field}.time", $"'{field}.time' repeats another reminder's time {reminder.Time}.");
                continue;
            }
            read.Add((time, reminder.Weekdays is { } days ? Mask(days) : HabitReminder.EveryDay));
        }
        return read;
    }

    /// <summary>The habit's stored reminders, in time order.</summary>
    public static Task<List<HabitReminder>> LoadAsync(RecetaDbContext db, Guid ownerId, Guid habitId) =>
        db.HabitReminders.Where(r => r.OwnerId == ownerId && r.HabitId == habitId).OrderBy(r => r.Time).ToListAsync();

    /// <summary>Replaces the habit's reminders with <paramref name="reminders"/> (tracked: saved with the caller's changes).</summary>
    public static void Replace(RecetaDbContext db, Habit habit, IReadOnlyList<HabitReminder> stored, IReadOnlyList<(TimeOnly Time, int Weekdays)> reminders)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(habit);
        db.HabitReminders.RemoveRange(stored.Where(s => !reminders.Any(r => r.Time == s.Time)));
        foreach (var (time, weekdays) in reminders)
        {
            if (stored.FirstOrDefault(s => s.Time == time) is { } kept)
            {
                kept.Weekdays = weekdays;
            }
            else
            {
                db.HabitReminders.Add(new HabitReminder { OwnerId = habit.OwnerId, HabitId = habit.Id, GoalId = habit.GoalId, Time = time, Weekdays = weekdays });
            }
        }
    }

    private static int Bit(Weekday day) => 1 << (int)ToDayOfWeek(day);
}
