namespace Receta.Core;

/// <summary>
/// Whole-day arithmetic on calendar dates, done on day numbers so that it cannot overflow, with
/// the cap of recipe.md: a computed date after <see cref="LatestComputedDate"/> is returned as null.
/// </summary>
public static class DayMath
{
    /// <summary>2999-12-31, the latest date a computation returns; later dates are null.</summary>
    public static readonly DateOnly LatestComputedDate = new(2999, 12, 31);

    private static readonly int LatestDayNumber = LatestComputedDate.DayNumber;

    /// <summary>
    /// <paramref name="day"/> plus <paramref name="days"/> calendar days (negative goes back), or
    /// null when the result is after 2999-12-31 or before 0001-01-01.
    /// </summary>
    public static DateOnly? AddDaysCapped(DateOnly day, long days)
    {
        var dayNumber = day.DayNumber;
        if (days > LatestDayNumber - dayNumber || days < -(long)dayNumber)
        {
            return null;
        }
        return DateOnly.FromDayNumber((int)(dayNumber + days));
    }

    /// <summary>
    /// <paramref name="day"/> plus a whole number of days held in a double (the result of a floor
    /// or ceiling), or null when the result is after 2999-12-31 or before 0001-01-01.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="wholeDays"/> is NaN or not a whole number.</exception>
    public static DateOnly? AddDaysCapped(DateOnly day, double wholeDays)
    {
        if (double.IsNaN(wholeDays) || (double.IsFinite(wholeDays) && Math.Floor(wholeDays) != wholeDays))
        {
            throw new ArgumentException("A number of days must be whole.", nameof(wholeDays));
        }
        // Every representable date is within ±3.7 million days; beyond that the answer is null anyway.
        const double Far = 10_000_000;
        if (wholeDays > Far || wholeDays < -Far)
        {
            return null;
        }
        return AddDaysCapped(day, (long)wholeDays);
    }

    /// <summary><c>days(a, b)</c>: the number of calendar days from <paramref name="a"/> to <paramref name="b"/> (b − a).</summary>
    public static int Days(DateOnly a, DateOnly b) => b.DayNumber - a.DayNumber;
}
