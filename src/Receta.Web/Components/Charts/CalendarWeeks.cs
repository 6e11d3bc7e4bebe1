namespace Receta.Web.Components.Charts;

/// <summary>
/// What the calendars share (the work heatmap, each habit's history): a column per week, Monday on
/// top, a square per day, drawn at a fixed size so that a narrow screen scrolls them rather than
/// shrinking them (goal.css, .chart-scroll).
/// </summary>
public static class CalendarWeeks
{
    /// <summary>A day's square with its gap, and the room for the weekdays' names, in SVG units.</summary>
    public const double Cell = 14, LabelWidth = 34;

    /// <summary>CSS pixels per unit: a day's square is about 20 px, a weekday's name about 13 px.</summary>
    public const double Scale = 1.4;

    /// <summary>How many days <paramref name="day"/> is after the Monday of its week: its row.</summary>
    public static int Row(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    /// <summary>The width of <paramref name="weeks"/> weeks with the weekdays' names, in SVG units.</summary>
    public static double Width(int weeks) => LabelWidth + (weeks * Cell);

    /// <summary>The top left corner of <paramref name="day"/>'s square, its week's column and its weekday's row, the rows starting at <paramref name="top"/>.</summary>
    public static (double X, double Y) Corner(DateOnly day, DateOnly firstMonday, double top = 0)
    {
        var days = day.DayNumber - firstMonday.DayNumber;
        return (LabelWidth + (days / 7 * Cell), top + (days % 7 * Cell));
    }

    /// <summary>The Monday that starts the first of <paramref name="weeks"/> weeks, the last holding <paramref name="lastDay"/>.</summary>
    public static DateOnly FirstMonday(DateOnly lastDay, int weeks) => lastDay.AddDays(-Row(lastDay) - (7 * (weeks - 1)));
}
