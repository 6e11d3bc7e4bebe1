using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    /// 7 daily changes <c>c(d) − c(d − 1)</c> for <c>max(d0, a − 56) &lt; d ≤ a</c>.
    /// A percentile that falls on a path never reaching the target within 3,652 days is null.
    /// </summary>
    /// <exception cref="ArgumentException">The history was prepared for another measure.</exception>
    public static Forecast? Compute(string goalId, DateOnly asOf, MeasureHistory history, Measure measure, DateOnly startDate)
    {
        ArgumentNullException.ThrowIfNull(goalId);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(measure);
        if (!history.Measure.Equals(measure))
        {
            throw new ArgumentException("The history was prepared for another measure.", nameof(history));
        }

        var a = asOf.DayNumber;
        var firstDay = Math.Max(startDate.DayNumber, a - WindowDays) + 1;
        var changeCount = a - firstDay + 1;
        var current = history.ValueAsOf(asOf);
        if (changeCount < MinimumChanges || ProgressCalculator.IsAchieved(current, measure))
        {
            return null;
        }

        // Work in "toward the target" units u = dir·v: negation is exact, so u + dir·Δ = dir·(v + Δ) bit for bit.
        var dir = measure.Direction;
        var target = dir * measure.Target;
        var start = dir * current;
        var steps = new double[changeCount];
        var previous = history.ValueAsOf(firstDay - 1);
        for (var i = 0; i < changeCount; i++)
        {
            var value = history.ValueAsOf(firstDay + i);
            steps[i] = dir * (value - previous);
            previous = value;
        }

        var largest = steps.Max();
        if (largest <= 0)
        {
            // No change moves toward the target: every path stays short of it.
            return new Forecast(null, null);
        }
        if (steps.Min() == largest)
        {
            // Steady progress: every path is the same path, whatever is drawn.
            var day = Walk(start, target, largest);
            return new Forecast(DateOf(asOf, day), DateOf(asOf, day));
        }

        Span<byte> seed = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{goalId}|{asOf:yyyy-MM-dd}")), seed);
        var seeds = new Xoshiro256StarStar(seed);
        var reachedOn = new int[HorizonDays + 1];
        if (!new ForecastSimulation(steps, start, target, HorizonDays).Run(ref seeds, Paths, reachedOn, mostNevers: Paths - RankP50))
        {
            // More than half the paths never arrive: the median falls on "never", and the 90th percentile after it.
            return new Forecast(null, null);
        }
        return new Forecast(DateOf(asOf, DayAtRank(reachedOn, RankP50)), DateOf(asOf, DayAtRank(reachedOn, RankP90)));
    }

    // The same path as the simulation's, when every draw is the same step.
    private static int Walk(double start, double target, double step)
    {
        var nearTarget = ForecastSimulation.NearTarget(target);
        var u = start;
        for (var day = 1; day <= HorizonDays; day++)
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

    private static DateOnly? DateOf(DateOnly asOf, int day) => day == Never ? null : DayMath.AddDaysCapped(asOf, (long)day);
}
