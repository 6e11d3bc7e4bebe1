using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using static Receta.Core.Tests.Days;
using static Receta.Core.Tests.Progress.ProgressCalculatorTests;

namespace Receta.Core.Tests.Progress;

public sealed class OnTimeProbabilityTests
{
    private static readonly Measure Hundred = new("hours", 0, 100, Aggregation.Sum);
    private static readonly DateOnly Jan1 = D("2025-01-01");
    private static readonly DateOnly Feb10 = D("2025-02-10");

    private static ProgressReport ProgressOf(IEnumerable<MeasureEntry> entries, DateOnly? target, DateOnly asOf, DateOnly? start = null) =>
        ProgressCalculator.Compute(
            new ProgressInput("goal-1", start ?? Jan1, target, Hundred, new MeasureHistory(Hundred, entries), [], 0, 0), asOf);

    // Alternating 0 and 2 a day: 1 a day on average.
    private static IEnumerable<MeasureEntry> Alternating(DateOnly from, DateOnly through) =>
        Daily(from, through, 0).Select(e => e with { Value = e.Sequence % 2 == 0 ? 2 : 0 });

    [Fact]
    public void Steady_ArrivingByTheTargetDate_IsCertain()
    {
        // 41 done by 2025-02-10 at 1 a day: 100 on 2025-04-10.
        var report = ProgressOf(Daily(Jan1, Feb10, 1), D("2025-04-11"), Feb10);

        Assert.Equal(D("2025-04-10"), report.ProjectedCompletion);
        Assert.Equal(1, report.OnTimeProbability);
    }

    [Fact]
    public void Steady_ArrivingAfterTheTargetDate_IsZero() =>
        Assert.Equal(0, ProgressOf(Daily(Jan1, Feb10, 1), D("2025-04-09"), Feb10).OnTimeProbability);

    [Fact]
    public void Steady_ArrivingOnTheTargetDate_IsCertain() =>
        Assert.Equal(1, ProgressOf(Daily(Jan1, Feb10, 1), D("2025-04-10"), Feb10).OnTimeProbability);

    [Fact]
    public void Achieved_IsCertain() =>
        Assert.Equal(1, ProgressOf([new MeasureEntry(Jan1, 100, 1)], D("2025-04-11"), Feb10).OnTimeProbability);

    [Fact]
    public void TargetDatePassed_IsZero() =>
        Assert.Equal(0, ProgressOf(Daily(Jan1, D("2025-04-20"), 0.5), D("2025-04-11"), D("2025-04-11")).OnTimeProbability);

    [Fact]
    public void NoTargetDate_IsNull() =>
        Assert.Null(ProgressOf(Daily(Jan1, Feb10, 1), null, Feb10).OnTimeProbability);

    [Fact]
    public void NoForecast_IsNull()
    {
        var report = ProgressOf(Daily(D("2025-02-05"), Feb10, 1), D("2025-04-11"), Feb10, start: D("2025-02-05"));

        Assert.Null(report.Forecast);
        Assert.Null(report.OnTimeProbability);
    }

    [Fact]
    public void NoChangeTowardTheTarget_IsZero() =>
        Assert.Equal(0, ProgressOf(Daily(Jan1, Feb10, 0), D("2025-04-11"), Feb10).OnTimeProbability);

    [Fact]
    public void Noisy_IsAMultipleOfOneIn2000AgreeingWithTheForecast()
    {
        var entries = Alternating(Jan1, Feb10).ToList();

        var report = ProgressOf(entries, D("2025-04-10"), Feb10);

        var odds = report.OnTimeProbability!.Value;
        Assert.InRange(odds, 0.0005, 0.9995);
        Assert.Equal(0, (odds * 2000) - Math.Round(odds * 2000), 9);
        // The same paths give both: half of them arrive by P50, nine in ten by P90.
        Assert.Equal(report.Forecast!.P50 <= D("2025-04-10"), odds >= 0.5);
        Assert.Equal(odds, ProgressOf(entries, D("2025-04-10"), Feb10).OnTimeProbability);
    }

    [Fact]
    public void Drifting_MostPathsNeverArrive_OddsStillCountEveryPath()
    {
        // ±2 a day without drift: about 4 in 10 paths reach 100 within ten years, so the median is "never";
        // about 4 in 100 arrive within the 690 days to the target date.
        var entries = Daily(Jan1, Feb10, 0).Select(e => e with { Value = e.Sequence % 2 == 0 ? 2 : -2 }).ToList();

        var report = ProgressOf(entries, D("2027-01-01"), Feb10);

        Assert.Equal(new Forecast(null, null), report.Forecast);
        Assert.InRange(report.OnTimeProbability!.Value, 0.0005, 0.4995);
    }

    [Property(MaxTest = 60)]
    public Property OnTime_AnyScenario_WithinZeroAndOneAndMonotoneInTheTargetDate() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), Gen.Choose(1, 400).ToArbitrary(), (scenario, later) =>
        {
            var target = scenario.TargetDate ?? scenario.StartDate.AddDays(30);
            var earlier = (scenario with { TargetDate = target }).Compute().OnTimeProbability;
            var laterOdds = (scenario with { TargetDate = target.AddDays(later) }).Compute().OnTimeProbability;

            if (earlier is { } e && laterOdds is { } l)
            {
                Assert.InRange(e, 0, 1);
                Assert.InRange(l, 0, 1);
                Assert.True(e <= l, $"{e} by {target:yyyy-MM-dd}, {l} by {target.AddDays(later):yyyy-MM-dd}");
            }
        });
}
