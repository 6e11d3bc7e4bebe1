using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using static Receta.Core.Tests.Days;
using static Receta.Core.Tests.Progress.ProgressCalculatorTests;

namespace Receta.Core.Tests.Progress;

public sealed class MonteCarloForecastTests
{
    private static readonly Measure Thousand = new("hours", 0, 1000, Aggregation.Sum);
    private static readonly DateOnly Jan1 = D("2025-01-01");

    private static Forecast? Forecast(Measure measure, IEnumerable<MeasureEntry> entries, DateOnly asOf, DateOnly? start = null, string goalId = "goal-1") =>
        MonteCarloForecast.Compute(goalId, asOf, new MeasureHistory(measure, entries), measure, start ?? Jan1)?.Forecast;

    // Alternating 0 and 2 a day: 1 a day on average, 1 of standard deviation per day.
    private static IEnumerable<MeasureEntry> Alternating(DateOnly from, DateOnly through)
    {
        var sequence = 0L;
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            sequence++;
            yield return new MeasureEntry(day, sequence % 2 == 0 ? 2 : 0, sequence);
        }
    }

    [Fact]
    public void Compute_SixDailyChanges_Null()
    {
        // max(d0, a − 56) < d ≤ a with d0 = a − 6 gives six changes.
        Assert.Null(Forecast(Thousand, Daily(Jan1, D("2025-01-07"), 5), D("2025-01-07")));
    }

    [Fact]
    public void Compute_SevenDailyChanges_Forecasts()
    {
        var forecast = Forecast(Thousand, Daily(Jan1, D("2025-01-08"), 5), D("2025-01-08"));

        // 40 of 1,000 done, 5 a day: 192 more days.
        Assert.NotNull(forecast);
        Assert.Equal(D("2025-01-08").AddDays(192), forecast.P50);
    }

    [Fact]
    public void Compute_AsOfBeforeTheStart_Null() =>
        Assert.Null(Forecast(Thousand, Daily(Jan1, D("2025-03-01"), 5), D("2025-03-01"), start: D("2025-04-01")));

    [Fact]
    public void Compute_Achieved_Null() =>
        Assert.Null(Forecast(new Measure("hours", 0, 50, Aggregation.Sum), Daily(Jan1, D("2025-03-01"), 1), D("2025-03-01")));

    [Fact]
    public void Compute_SteadyProgress_BothPercentilesOnTheProjectedCompletion()
    {
        // 2 a day for 60 days: 120 of 1,000 on 2025-03-01, 880 to go at 2 a day is 440 days.
        var report = ProgressOf(Thousand, Jan1, null, Daily(Jan1, D("2025-03-01"), 2), D("2025-03-01"));

        Assert.Equal(D("2026-05-15"), report.ProjectedCompletion);
        Assert.Equal(new Forecast(D("2026-05-15"), D("2026-05-15")), report.Forecast);
    }

    [Fact]
    public void Compute_SteadyTenthsDoingLess_BothPercentilesOnTheProjectedCompletion()
    {
        // Readings falling by 0.1 a day from 92.0: 90.0 on 2025-01-21, 80 is 100 days further.
        var measure = new Measure("kg", 92, 80, Aggregation.Last);
        var entries = Enumerable.Range(0, 21).Select(i => new MeasureEntry(Jan1.AddDays(i), 92 - (0.1 * i), i));

        var report = ProgressOf(measure, Jan1, null, entries, D("2025-01-21"));

        Assert.Equal(D("2025-05-01"), report.ProjectedCompletion);
        Assert.Equal(new Forecast(D("2025-05-01"), D("2025-05-01")), report.Forecast);
    }

    [Fact]
    public void Compute_SteadyButTooSlow_NeverWithinTenYears()
    {
        // 0.25 a day from 0 toward 1,000 needs about 4,000 days: past the 3,652-day horizon.
        var forecast = Forecast(Thousand, Daily(Jan1, D("2025-03-01"), 0.25), D("2025-03-01"));

        Assert.Equal(new Forecast(null, null), forecast);
    }

    [Fact]
    public void Compute_NoChangeTowardTheTarget_NeitherPercentile()
    {
        // Entries stopped more than 56 days ago: every daily change in the window is 0.
        var forecast = Forecast(Thousand, Daily(Jan1, D("2025-01-31"), 2), D("2025-06-01"));

        Assert.Equal(new Forecast(null, null), forecast);
    }

    [Fact]
    public void Compute_NoisyProgress_PercentilesAroundTheMean()
    {
        // 60 of 1,000 after 60 days of 0-or-2; the window's changes average 1 a day, so 940 to go takes about
        // 940 days: a standard deviation of √940 ≈ 31 days, so the 90th percentile is about 40 days after the median.
        var asOf = D("2025-03-01");
        var forecast = Forecast(Thousand, Alternating(Jan1, asOf), asOf);

        Assert.NotNull(forecast);
        var p50 = DayMath.Days(asOf, forecast.P50!.Value);
        var p90 = DayMath.Days(asOf, forecast.P90!.Value);
        Assert.InRange(p50, 900, 980);
        Assert.InRange(p90 - p50, 20, 60);
    }

    [Fact]
    public void Compute_OneInFourDaysAddsOne_NegativeBinomialQuantiles()
    {
        // In the window, 14 of the 56 daily changes are 1 and the rest 0; 8 more are needed (15 of 23).
        // The day of the 8th one is negative binomial: P(T ≤ d) = P(Binomial(d, 1/4) ≥ 8), whose 50th and 90th
        // percentiles are days 31 and 45. With 2,000 paths the nearest-rank estimates land within a day of them.
        var asOf = D("2025-03-01");
        var measure = new Measure("chapters", 0, 23, Aggregation.Sum);
        var entries = Enumerable.Range(0, 60).Select(i => new MeasureEntry(Jan1.AddDays(i), i % 4 == 0 ? 1 : 0, i));
        Assert.Equal(31, FirstDayWithProbability(0.5, needed: 8, chance: 0.25));
        Assert.Equal(45, FirstDayWithProbability(0.9, needed: 8, chance: 0.25));

        var forecast = Forecast(measure, entries, asOf);

        Assert.NotNull(forecast);
        Assert.InRange(DayMath.Days(asOf, forecast.P50!.Value), 30, 32);
        Assert.InRange(DayMath.Days(asOf, forecast.P90!.Value), 44, 46);
    }

    // The first day d on which P(Binomial(d, chance) ≥ needed) reaches the probability.
    private static int FirstDayWithProbability(double probability, int needed, double chance)
    {
        for (var day = needed; ; day++)
        {
            var atLeast = 0.0;
            for (var successes = needed; successes <= day; successes++)
            {
                atLeast += Math.Exp(LogChoose(day, successes) + (successes * Math.Log(chance)) + ((day - successes) * Math.Log(1 - chance)));
            }
            if (atLeast >= probability)
            {
                return day;
            }
        }
    }

    private static double LogChoose(int n, int k)
    {
        var log = 0.0;
        for (var i = 1; i <= k; i++)
        {
            log += Math.Log(n - k + i) - Math.Log(i);
        }
        return log;
    }

    [Fact]
    public void Compute_SameQuestionTwice_SameAnswer()
    {
        var asOf = D("2025-03-01");

        var first = Forecast(Thousand, Alternating(Jan1, asOf), asOf);
        var second = Forecast(Thousand, Alternating(Jan1, asOf), asOf);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compute_MostPathsNeverArrive_BothNull()
    {
        // On average the value falls; only a lucky few paths climb the 200 to go.
        var asOf = D("2025-03-01");
        var measure = new Measure("points", 0, 200, Aggregation.Sum);
        var entries = Enumerable.Range(0, 60).Select(i => new MeasureEntry(Jan1.AddDays(i), i % 2 == 0 ? 3 : -4, i));

        Assert.Equal(new Forecast(null, null), Forecast(measure, entries, asOf));
    }

    [Fact]
    public void Compute_ManyPathsNeverArrive_OnlyTheMedian()
    {
        // A drift of 0.025 a day against swings of ±5: about 60% of paths climb the 198.5 to go within
        // ten years (a Brownian estimate), so the median is a date and the 90th percentile is never.
        var asOf = D("2025-03-01");
        var measure = new Measure("points", 0, 200, Aggregation.Sum);
        var entries = Enumerable.Range(0, 60).Select(i => new MeasureEntry(Jan1.AddDays(i), i % 2 == 0 ? 5.05 : -5, i));

        var forecast = Forecast(measure, entries, asOf);

        Assert.NotNull(forecast);
        Assert.NotNull(forecast.P50);
        Assert.Null(forecast.P90);
    }

    [Property(MaxTest = 100)]
    public Property Compute_AnyScenario_MedianNoLaterThanNinetiethPercentile() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), scenario =>
        {
            var forecast = scenario.Compute().Forecast;
            if (forecast is null)
            {
                return;
            }

            if (forecast.P50 is null)
            {
                Assert.Null(forecast.P90);
            }
            else if (forecast.P90 is { } p90)
            {
                Assert.True(forecast.P50 <= p90);
                Assert.True(forecast.P50 > scenario.AsOf);
            }
        });
}
