using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>The rules of a habit's writable fields: read from a stored one, validated and written back.</summary>
public static class HabitRules
{
    public const int MaxPeriodDays = ApiLimits.MaxHabitPeriodDays;

    public static HabitFields From(Habit habit, IEnumerable<HabitReminder> reminders)
    {
        ArgumentNullException.ThrowIfNull(habit);
        return new(habit.Title, habit.Times, habit.PerDays, HabitReminderRules.Fields(reminders));
    }

    /// <summary>Writes the fields into <paramref name="habit"/> and its reminders (tracked in <paramref name="db"/>), or names what is wrong and changes nothing.</summary>
    public static Failure? TryApplyTo(this HabitFields fields, Habit habit, IReadOnlyList<HabitReminder> storedReminders, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(habit);
        var errors = new RequestErrors();
        var title = errors.Title(fields.Title, "title");
        var perDays = errors.WholeNumber(fields.PerDays, "perDays", 1, MaxPeriodDays);
        var times = errors.WholeNumber(fields.Times, "times", 1, MaxPeriodDays);
        var reminders = HabitReminderRules.Read(fields.Reminders, errors);
        if (!errors.Any && times > perDays)
        {
            errors.Add("times", "'times' must be at most 'perDays'.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        habit.Title = title;
        habit.Times = times;
        habit.PerDays = perDays;
        HabitReminderRules.Replace(db, habit, storedReminders, reminders);
        return null;
    }
}
