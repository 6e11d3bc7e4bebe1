using System.Globalization;
using Receta.Core.Breaks;
using Receta.Core.Purpose;

namespace Receta.Core.Progress;

/// <summary>
/// How good the forecast has been (recipe.md, "How good the forecast has been"): at up to 26 past check dates, four
/// weeks apart from the next by one week, the forecast's own draws predict an 80 % band for the value 28 days later,
/// and the check is covered when the value reached lies within it.
/// </summary>
/// <remarks>
/// Each check seeds xoshiro256** from SHA-256 of the UTF-8 text <c>"{goalId}|{q:yyyy-MM-dd}|calibration"</c>; path
/// <c>p</c> draws from its own stream, seeded through SplitMix64 by that generator's <c>p</c>-th output, as the forecast's
/// paths do. A break day adds nothing to a path: a path takes one draw per active day of its 28.
/// </remarks>
public static class ForecastCalibration
{
    /// <summary>The most check dates looked at.</summary>
    public const int Checks = 26;

    /// <summary>How far ahead each check predicts, and how long before the as-of day the latest check is, in days.</summary>
    public const int HorizonDays = 28;

    /// <summary>Days between consecutive check dates.</summary>
    public const int SpacingDays = 7;

    // Nearest-rank positions (1-based) of the 10th and 90th percentiles among the paths.
    private const int RankLow = (MonteCarloForecast.Paths * 10 + 99) / 100;
    private const int RankHigh = (MonteCarloForecast.Paths * 90 + 99) / 100;

    /// <summary>
    /// The checks as of <paramref name="asOf"/>, oldest first: the dates <c>q_k = a − 28 − 7k</c> (k = 0…25) on or after
    /// <paramref name="startDate"/> at which the goal was not achieved and the forecast was not null.
    /// </summary>
    /// <exception cref="ArgumentException">The history was prepared for another measure.</exception>
    public static CalibrationReport Compute(
        string goalId, DateOnly asOf, MeasureHistory history, Measure measure, DateOnly startDate, ActiveDays? activeDays = null)
    {
        ArgumentNullException.ThrowIfNull(goalId);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(measure);
        if (!history.Measure.Equals(measure))
        {
            throw new ArgumentException("The history was prepared for another measure.", nameof(history));
        }
        var active = activeDays ?? ActiveDays.None;
        var items = new List<CalibrationCheck>(Checks);
        var values = new double[MonteCarloForecast.Paths];
        for (var k = Checks - 1; k >= 0; k--)
        {
            var q = asOf.DayNumber - HorizonDays - (SpacingDays * k);
            if (q < startDate.DayNumber || q < 1)
            {
                continue;
            }
            var checkDate = DateOnly.FromDayNumber(q);
            var start = history.ValueAsOf(checkDate);
            if (ProgressCalculator.IsAchieved(start, measure)
                || MonteCarloForecast.DailyChanges(history, measure, startDate, checkDate, active) is not { } steps)
            {
                continue;
            }
            Simulate(goalId, checkDate, steps, measure.Direction * start, active.Count(q, q + HorizonDays), values);
            // Back from "toward the target" units: negation is exact, and the band is read in the measure's own order.
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= measure.Direction;
            }
            Array.Sort(values);
            var low = values[RankLow - 1];
            var high = values[RankHigh - 1];
            var actual = history.ValueAsOf(q + HorizonDays);
            var covered = Tolerance.Compare(actual, low) >= 0 && Tolerance.Compare(actual, high) <= 0;
            items.Add(new CalibrationCheck(checkDate, low, high, actual, covered));
        }
        var coveredCount = items.Count(i => i.Covered);
        return new CalibrationReport(asOf, items.Count, coveredCount, items.Count == 0 ? null : (double)coveredCount / items.Count, items);
    }

    // Fills `values` with each path's value, toward the target, after `days` draws from `start`.
    private static void Simulate(string goalId, DateOnly checkDate, double[] steps, double start, int days, double[] values)
    {
        var seeds = Xoshiro256StarStar.FromText(string.Create(CultureInfo.InvariantCulture, $"{goalId}|{checkDate:yyyy-MM-dd}|calibration"));
        var powers = Xoshiro256StarStar.BatchPowers((ulong)steps.Length);
        var batches = (days + Xoshiro256StarStar.IndicesPerBatch - 1) / Xoshiro256StarStar.IndicesPerBatch;
        Span<byte> draws = stackalloc byte[Math.Max(1, batches) * Xoshiro256StarStar.IndicesPerBatch];
        for (var path = 0; path < values.Length; path++)
        {
            var generator = Xoshiro256StarStar.FromSeed(seeds.NextUInt64());
            if (days > 0)
            {
                generator.FillIndices(draws, powers);
            }
            var value = start;
            for (var day = 0; day < days; day++)
            {
                value += steps[draws[day]];
            }
            values[path] = value;
        }
    }
}
