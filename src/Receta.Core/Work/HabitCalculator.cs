namespace Receta.Core.Work;

/// <summary>Streaks and strength of a habit: recipe.md §5, exactly.</summary>
public static class HabitCalculator
{
    /// <summary>
    /// The habit as of <paramref name="asOf"/>. A day is met when the <c>p</c> days ending on it hold at least
    /// <c>n</c> checks. Strength is smoothed day by day from the first check to <paramref name="asOf"/>, both
    /// included: <c>score = score·m + v·(1 − m)</c> with <c>m = 0.5^(√(n/p) / 13)</c> and
    /// <c>v = min(1, checks in the window / n)</c>, starting from 0.
    /// </summary>
    /// <param name="frequency">n times per p days.</param>
    /// <param name="checks">Checked dates, any order; duplicates and dates after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The day judged.</param>
    public static HabitReport Compute(HabitFrequency frequency, IEnumerable<DateOnly> checks, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(checks);
        var a = asOf.DayNumber;
        var days = checks.Select(c => c.DayNumber).Where(d => d <= a).Distinct().Order().ToArray();
        if (days.Length == 0)
        {
            return new HabitReport(0, 0, 0);
        }

        var n = frequency.Times;
        var p = frequency.PerDays;
        var m = Math.Pow(0.5, Math.Sqrt((double)n / p) / 13);
        var score = 0.0;
        var run = 0;
        var best = 0;
        var runToYesterday = 0;
        var firstInWindow = 0;
        var pastWindow = 0;
        for (var day = days[0]; day <= a; day++)
        {
            while (pastWindow < days.Length && days[pastWindow] <= day)
            {
                pastWindow++;
            }
            while (firstInWindow < pastWindow && days[firstInWindow] <= day - p)
            {
                firstInWindow++;
            }
            var inWindow = pastWindow - firstInWindow;
            run = inWindow >= n ? run + 1 : 0;
            best = Math.Max(best, run);
            score = (score * m) + (Math.Min(1, (double)inWindow / n) * (1 - m));
            if (day == a - 1)
            {
                runToYesterday = run;
            }
        }
        return new HabitReport(run > 0 ? run : runToYesterday, best, Rounding.ToTenth(100 * score));
    }
}
