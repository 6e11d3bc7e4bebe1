using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>A habit: <c>times</c> per <c>perDays</c> days, 1 ≤ times ≤ perDays ≤ 31 (daily is 1 per 1).</summary>
public sealed record HabitFields(string? Title, int? Times, int? PerDays)
    : IWritableFields<Habit, HabitFields>
{
    public const int MaxPeriodDays = 31;

    public static HabitFields From(Habit habit)
    {
        ArgumentNullException.ThrowIfNull(habit);
        return new(habit.Title, habit.Times, habit.PerDays);
    }

    public Failure? TryApplyTo(Habit habit)
    {
        ArgumentNullException.ThrowIfNull(habit);
        var errors = new RequestErrors();
        var title = errors.Title(Title, "title");
        var perDays = errors.WholeNumber(PerDays, "perDays", 1, MaxPeriodDays);
        var times = errors.WholeNumber(Times, "times", 1, MaxPeriodDays);
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
        return null;
    }
}
