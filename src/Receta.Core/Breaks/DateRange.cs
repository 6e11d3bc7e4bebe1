namespace Receta.Core.Breaks;

/// <summary>The days <paramref name="From"/> to <paramref name="To"/>, both included.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day, on or after <paramref name="From"/>.</param>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest a goal's break may be, in days.</summary>
    public const int LongestBreakDays = 366;

    /// <summary>The number of days in the range, both ends included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>True when the two ranges share a day.</summary>
    public bool Overlaps(DateRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From <= other.To && other.From <= To;
    }
}
