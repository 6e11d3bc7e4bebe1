using System.Globalization;
using Receta.Core.Breaks;
using Receta.Core.Purpose;

namespace Receta.Core.Progress;

/// <summary>
/// The forecast of recipe.md §2: 2,000 simulated paths from today's value, each day adding a
/// daily change drawn uniformly, with replacement, from the last 56 days' changes.
/// </summary>
/// <remarks>
/// The generator is xoshiro256** seeded from SHA-256 of the UTF-8 text <c>"{goalId}|{asOf:yyyy-MM-dd}"</c>;
/// path <c>p</c> draws from its own xoshiro256** stream, seeded through SplitMix64 by that generator's
/// <c>p</c>-th 64-bit output, so a path's result never depends on the others. Indices are drawn without bias,
/// eight per 64-bit output. A path reaches the target on the first day its value equals or passes it within
/// <see cref="Tolerance"/>, the rule of <see cref="ProgressReport.Achieved"/>.
/// </remarks>
public static class MonteCarloForecast
{
    /// <summary>The number of simulated paths.</summary>
    public const int Paths = 2_000;

    /// <summary>The longest a path is followed, in days; a path not there by then never reaches the target.</summary>
    public const int HorizonDays = 3_652;

    /// <summary>How far back daily changes are taken from, in days (never before the start date).</summary>
    public const int WindowDays = 56;

    /// <summary>Fewer daily changes than this give no forecast.</summary>
    public const int MinimumChanges = 7;

    // Nearest-rank positions (1-based) of the 50th and 90th percentiles among the paths.
    private const int RankP50 = (Paths * 50 + 99) / 100;
    private const int RankP90 = (Paths * 90 + 99) / 100;
    private const int Never = int.MaxValue;

    /// <summary>
    /// The forecast as of <paramref name="asOf"/>, or null when the goal is achieved or there are fewer than
    /// 7 daily changes <c>c(d) − c(d − 1)</c> on active days <c>d</c> with <c>max(d0, a − 56) &lt; d ≤ a</c>.
    /// A percentile that falls on a path never reaching the target within 3,652 days is null. A break day adds
    /// nothing to a path and still counts toward the 3,652 days: a path is simulated step by step over active
    /// days, and its n-th step lands on the n-th active day after <paramref name="asOf"/>.
    /// With a <paramref name="targetDate"/> after <paramref name="asOf"/> the same paths give the odds: the
    /// fraction that reach the target on or before it.
    /// </summary>
    /// <exception cref="ArgumentException">The history was prepared for another measure.</exception>
    public static ForecastOutlook? Compute(
        string goalId, DateOnly asOf, MeasureHistory history, Measure measure, DateOnly startDate,
        DateOnly? targetDate = null, ActiveDays? activeDays = null)
    {
        ArgumentNullException.ThrowIfNull(goalId);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(measure);
        if (!history.Measure.Equals(measure))
        {
            throw new ArgumentException("The history was prepared for another measure.", nameof(history));
        }
        var active = activeDays ?? ActiveDays.None;
        var current = history.ValueAsOf(asOf);
        if (ProgressCalculator.IsAchieved(current, measure) || DailyChanges(history, measure, startDate, asOf, active) is not { } steps)
        {
            return null;
        }

        var dir = measure.Direction;
        var target = dir * measure.Target;
        var start = dir * current;
        var horizon = active.Count(asOf.DayNumber, asOf.DayNumber + HorizonDays);
        // The steps that land on or before the target date: a path arriving by then is on time.
        var onTimeSteps = targetDate is { } due && due > asOf ? Math.Min(horizon, active.Count(asOf, due)) : 0;
        double? Odds(int onTimePaths) => targetDate is null ? null : (double)onTimePaths / Paths;

        var largest = steps.Max();
        if (largest <= 0 || horizon == 0)
        {
            // No change moves toward the target (or no active day is left to make one): every path stays short of it.
            return new ForecastOutlook(new Forecast(null, null), Odds(0));
        }
        if (steps.Min() == largest)
        {
            // Steady progress: every path is the same path, whatever is drawn.
            var step = Walk(start, target, largest, horizon);
            var day = DateOf(asOf, step, active);
            return new ForecastOutlook(new Forecast(day, day), Odds(step <= onTimeSteps ? Paths : 0));
        }

        var seeds = Xoshiro256StarStar.FromText(string.Create(CultureInfo.InvariantCulture, $"{goalId}|{asOf:yyyy-MM-dd}"));
        var reachedOn = new int[horizon + 1];
        var complete = new ForecastSimulation(steps, start, target, horizon)
            .Run(ref seeds, Paths, reachedOn, mostNevers: Paths - RankP50, daysStillCounted: onTimeSteps);
        var onTime = 0;
        for (var step = 1; step <= onTimeSteps; step++)
        {
            onTime += reachedOn[step];
        }
        // When more than half the paths never arrive, the median falls on "never", and the 90th percentile after it.
        var forecast = complete
            ? new Forecast(DateOf(asOf, DayAtRank(reachedOn, RankP50), active), DateOf(asOf, DayAtRank(reachedOn, RankP90), active))
            : new Forecast(null, null);
        return new ForecastOutlook(forecast, Odds(onTime));
    }

    /// <summary>
    /// The daily changes the forecast as of <paramref name="asOf"/> draws from, toward the target (<c>dir·Δ</c>): one per
    /// active day <c>d</c> with <c>max(d0, a − 56) &lt; d ≤ a</c>; null when there are fewer than 7.
    /// </summary>
    internal static double[]? DailyChanges(MeasureHistory history, Measure measure, DateOnly startDate, DateOnly asOf, ActiveDays active)
    {
        var a = asOf.DayNumber;
        var firstDay = Math.Max(startDate.DayNumber, a - WindowDays) + 1;
        if (active.Count(firstDay - 1, a) < MinimumChanges)
        {
            return null;
        }
        // Work in "toward the target" units u = dir·v: negation is exact, so u + dir·Δ = dir·(v + Δ) bit for bit.
        var dir = measure.Direction;
        var steps = new List<double>(a - firstDay + 1);
        var previous = history.ValueAsOf(firstDay - 1);
        for (var day = firstDay; day <= a; day++)
        {
            var value = history.ValueAsOf(day);
            if (active.IsActive(day))
            {
                steps.Add(dir * (value - previous));
            }
            previous = value;
        }
        return [.. steps];
    }

    // The same path as the simulation's, when every draw is the same step.
    private static int Walk(double start, double target, double step, int horizon)
    {
        var nearTarget = ForecastSimulation.NearTarget(target);
        var u = start;
        for (var day = 1; day <= horizon; day++)
        {
            u += step;
            if (u >= nearTarget && Tolerance.Compare(u, target) >= 0)
            {
                return day;
            }
        }
        return Never;
    }

    private static int DayAtRank(int[] reachedOn, int rank)
    {
        var seen = 0;
        for (var day = 1; day < reachedOn.Length; day++)
        {
            seen += reachedOn[day];
            if (seen >= rank)
            {
                return day;
            }
        }
        return Never;
    }

    private static DateOnly? DateOf(DateOnly asOf, int step, ActiveDays active) => step == Never ? null : active.NthAfter(asOf, step);
}
