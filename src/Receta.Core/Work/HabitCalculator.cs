using Receta.Core.Breaks;

namespace Receta.Core.Work;

/// <summary>Streaks and strength of a habit: recipe.md §5, on counted days (Part two, "Breaks and skips"), exactly.</summary>
public static class HabitCalculator
{
    /// <summary>
    /// Whether a day is excused for a habit, neither for nor against it: not checked, and skipped or in a break of its
    /// goal. A check always counts, also on a break day.
    /// </summary>
    public static bool IsExcused(bool isChecked, bool isSkipped, bool inBreak) => !isChecked && (isSkipped || inBreak);

    /// <summary>The habit as of <paramref name="asOf"/> with no skip and no break: every day is counted.</summary>
    /// <param name="frequency">n times per p days.</param>
    /// <param name="checks">Checked dates, any order; duplicates and dates after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The day judged.</param>
    public static HabitReport Compute(HabitFrequency frequency, IEnumerable<DateOnly> checks, DateOnly asOf) =>
        Compute(frequency, checks, [], ActiveDays.None, asOf);

    /// <summary>
    /// The habit as of <paramref name="asOf"/>, on its counted days. A day is excused when it is not checked and is
    /// skipped or lies in a break; every other day is counted, and a check always counts (also on a break day).
    /// The window of a counted day is the <c>p</c> most recent counted days up to and including it (counted days before
    /// the first check are unchecked); the day is met when its window holds at least <c>n</c> checks. Strength is
    /// smoothed over the counted days from the first check to <paramref name="asOf"/>, both included:
    /// <c>score = score·m + v·(1 − m)</c> with <c>m = 0.5^(√(n/p) / 13)</c> and <c>v = min(1, checks in the window / n)</c>,
    /// starting from 0; an excused day leaves it as it was. Without skips and breaks every number is §5's, bit for bit.
    /// O(days from the first check to <paramref name="asOf"/> + skips + breaks).
    /// </summary>
    /// <param name="frequency">n times per p days.</param>
    /// <param name="checks">Checked dates, any order; duplicates and dates after <paramref name="asOf"/> are ignored.</param>
    /// <param name="skips">Skipped dates, any order; duplicates, checked dates and dates after <paramref name="asOf"/> are ignored.</param>
    /// <param name="activeDays">The breaks of the habit's goal; <see cref="ActiveDays.None"/> for none.</param>
    /// <param name="asOf">The day judged.</param>
    public static HabitReport Compute(
        HabitFrequency frequency, IEnumerable<DateOnly> checks, IEnumerable<DateOnly> skips, ActiveDays activeDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(skips);
        ArgumentNullException.ThrowIfNull(activeDays);
        var a = asOf.DayNumber;
        var days = checks.Select(c => c.DayNumber).Where(d => d <= a).Distinct().Order().ToArray();
        if (days.Length == 0)
        {
            return new HabitReport(0, 0, 0);
        }

        // Before the first check no day is met and the score stays 0, so only the days from it on are walked.
        var first = days[0];
        var skipped = skips.Select(s => s.DayNumber).Where(d => d > first && d <= a).Distinct().Order().ToArray();
        var breaks = activeDays.Breaks;
        var n = frequency.Times;
        var p = frequency.PerDays;
        var m = Math.Pow(0.5, Math.Sqrt((double)n / p) / 13);
        var score = 0.0;
        var run = 0;
        var best = 0;
        var runBefore = 0;
        // The window's counted days as a ring: whether each of the last p was checked, and how many were.
        var window = new bool[p];
        var slot = 0;
        var inWindow = 0;
        var nextCheck = 0;
        var nextSkip = 0;
        var nextBreak = 0;
        for (var day = first; day <= a; day++)
        {
            var isChecked = nextCheck < days.Length && days[nextCheck] == day;
            var isSkipped = false;
            var inBreak = false;
            if (isChecked)
            {
                nextCheck++;
            }
            else
            {
                // Skips and breaks only matter on a day without a check: a check always counts.
                while (nextSkip < skipped.Length && skipped[nextSkip] < day)
                {
                    nextSkip++;
                }
                while (nextBreak < breaks.Count && breaks[nextBreak].To.DayNumber < day)
                {
                    nextBreak++;
                }
                isSkipped = nextSkip < skipped.Length && skipped[nextSkip] == day;
                inBreak = nextBreak < breaks.Count && breaks[nextBreak].From.DayNumber <= day;
            }
            if (IsExcused(isChecked, isSkipped, inBreak))
            {
                continue;
            }
            inWindow += (isChecked ? 1 : 0) - (window[slot] ? 1 : 0);
            window[slot] = isChecked;
            slot = slot + 1 == p ? 0 : slot + 1;
            runBefore = run;
            run = inWindow >= n ? run + 1 : 0;
            best = Math.Max(best, run);
            score = (score * m) + (Math.Min(1, (double)inWindow / n) * (1 - m));
        }
        // The loop ended on e, the latest counted day; runBefore is the run at the counted day before it.
        return new HabitReport(run > 0 ? run : runBefore, best, Rounding.ToTenth(100 * score));
    }
}
