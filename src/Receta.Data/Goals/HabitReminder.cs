namespace Receta.Data.Goals;

/// <summary>
/// A time of day, in the owner's zone, at which an email reminds them of a habit on the chosen
/// weekdays, unless the day is checked, skipped or in a break (connections.md §4). A habit has at most four.
/// </summary>
public sealed class HabitReminder
{
    public const int MaxPerHabit = 4;

    /// <summary>All seven days in <see cref="Weekdays"/>.</summary>
    public const int EveryDay = 0b111_1111;

    public Guid OwnerId { get; set; }

    public Guid HabitId { get; set; }

    /// <summary>The local time; a habit has at most one reminder at a given time.</summary>
    public TimeOnly Time { get; set; }

    public Guid GoalId { get; set; }

    /// <summary>The days it fires: bit <c>1 &lt;&lt; (int)DayOfWeek</c> for each (Sunday is bit 0).</summary>
    public int Weekdays { get; set; } = EveryDay;

    public bool FiresOn(DayOfWeek day) => FiresOn(Weekdays, day);

    /// <summary>Whether a mask of <see cref="Weekdays"/> holds <paramref name="day"/>.</summary>
    public static bool FiresOn(int weekdays, DayOfWeek day) => (weekdays & (1 << (int)day)) != 0;
}
