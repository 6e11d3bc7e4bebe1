using Receta.Core.Breaks;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using static Receta.Core.Tests.Days;
using static Receta.Core.Tests.Progress.ProgressCalculatorTests;

namespace Receta.Core.Tests.Progress;

public sealed class ForecastCalibrationTests
{
    private static readonly Measure Thousands = new("hours", 0, 10_000, Aggregation.Sum);
    private static readonly DateOnly Start = D("2023-01-01");
    private static readonly DateOnly AsOf = D("2024-12-31");

    private static CalibrationReport CalibrationOf(
        IEnumerable<MeasureEntry> entries, DateOnly asOf, Measure? measure = null, DateOnly? start = null, ActiveDays? breaks = null)
    {
        var goalMeasure = measure ?? Thousands;
        return ForecastCalibration.Compute("goal-1", asOf, new MeasureHistory(goalMeasure, entries), goalMeasure, start ?? Start, breaks);
    }

    private static IEnumerable<MeasureEntry> Noisy(DateOnly from, DateOnly through) =>
        Daily(from, through, 0).Select(e => e with { Value = e.Sequence * 7 % 5 });

    [Fact]
    public void Steady_TwoYears_EveryOneOf26ChecksCovered()
    {
        var report = CalibrationOf(Daily(Start, AsOf, 2), AsOf);

        Assert.Equal(26, report.Evaluated);
        Assert.Equal(26, report.Covered);
        Assert.Equal(1, report.Coverage);
        // Oldest first, a week apart, the latest 28 days before the day.
        Assert.Equal(D("2024-12-03"), report.Items[^1].Date);
        Assert.Equal(D("2024-12-03").AddDays(-7 * 25), report.Items[0].Date);
        Assert.All(report.Items, check =>
        {
            Assert.Equal(check.Actual, check.Low, 1e-9);
            Assert.Equal(check.Actual, check.High, 1e-9);
            Assert.True(check.Covered);
        });
    }

    [Fact]
    public void ShortHistory_OnlyChecksWithAForecast()
    {
        // From 2024-11-01 a forecast needs 7 changes, so the checks are 11-12, 11-19, 11-26 and 12-03.
        var report = CalibrationOf(Daily(D("2024-11-01"), AsOf, 2), AsOf, start: D("2024-11-01"));

        Assert.Equal([D("2024-11-12"), D("2024-11-19"), D("2024-11-26"), D("2024-12-03")], report.Items.Select(i => i.Date));
        Assert.Equal(4, report.Evaluated);
    }

    [Fact]
    public void NothingToCheck_CoverageIsNull()
    {
        var report = CalibrationOf([], AsOf, start: D("2024-12-20"));

        Assert.Equal(0, report.Evaluated);
        Assert.Null(report.Coverage);
        Assert.Empty(report.Items);
    }

    [Fact]
    public void AchievedAtACheckDate_IsNotChecked()
    {
        var hundred = new Measure("hours", 0, 100, Aggregation.Sum);

        // 100 is reached on 2024-11-15 (day 50 of 2 a day from 2024-09-27).
        var report = CalibrationOf(Daily(D("2024-09-27"), AsOf, 2), AsOf, hundred, D("2024-09-27"));

        Assert.All(report.Items, check => Assert.True(check.Date < D("2024-11-15")));
        Assert.NotEmpty(report.Items);
    }

    [Fact]
    public void Noisy_BandHoldsTheValueMostTimesAndIsTheSameEveryTime()
    {
        var entries = Noisy(Start, AsOf).ToList();

        var report = CalibrationOf(entries, AsOf);

        Assert.Equal(26, report.Evaluated);
        Assert.All(report.Items, check => Assert.True(check.Low < check.High));
        Assert.InRange(report.Coverage!.Value, 0.5, 1);
        Assert.Equal(report.Items, CalibrationOf(entries, AsOf).Items);
    }

    [Fact]
    public void DoingLess_BandIsInTheMeasuresOrder()
    {
        var weight = new Measure("kg", 0, -10_000, Aggregation.Sum);
        var entries = Noisy(Start, AsOf).Select(e => e with { Value = -e.Value }).ToList();

        var report = CalibrationOf(entries, AsOf, weight);

        Assert.All(report.Items, check => Assert.True(check.Low < check.High));
        Assert.Equal(CalibrationOf(Noisy(Start, AsOf), AsOf).Covered, report.Covered);
    }

    [Fact]
    public void BreakCoveringTheNext28Days_BandIsTheValueAtTheCheck()
    {
        var breaks = new ActiveDays([new DateRange(D("2024-12-04"), D("2024-12-31"))]);
        var entries = Daily(Start, D("2024-12-03"), 2);

        var latest = CalibrationOf(entries, AsOf, breaks: breaks).Items[^1];

        Assert.Equal(D("2024-12-03"), latest.Date);
        Assert.Equal((latest.Actual, latest.Actual), (latest.Low, latest.High));
        Assert.True(latest.Covered);
    }
}
