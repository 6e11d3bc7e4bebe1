namespace Receta.Core.Work;

/// <summary>How often a habit is kept: <see cref="Times"/> times per <see cref="PerDays"/> days.</summary>
/// <remarks>Invariant: 1 ≤ times ≤ per days ≤ 31. Daily is 1/1, "3 times a week" is 3/7.</remarks>
/// <param name="Times">Checks needed in the window, n.</param>
/// <param name="PerDays">The window, p days ending on (and including) the day judged.</param>
/// <exception cref="ArgumentOutOfRangeException">The invariant does not hold.</exception>
public sealed record HabitFrequency(int Times, int PerDays)
{
    /// <summary>The longest window, in days.</summary>
    public const int LongestWindow = 31;

    /// <summary>Checks needed in the window, 1 or more.</summary>
    public int Times { get; } = Times >= 1
        ? Times
        : throw new ArgumentOutOfRangeException(nameof(Times), Times, "A habit is kept at least once per window.");

    /// <summary>The window in days, from <see cref="Times"/> to 31.</summary>
    public int PerDays { get; } = PerDays >= Times && PerDays <= LongestWindow
        ? PerDays
        : throw new ArgumentOutOfRangeException(nameof(PerDays), PerDays, "The window is at least the number of times and at most 31 days.");
}
