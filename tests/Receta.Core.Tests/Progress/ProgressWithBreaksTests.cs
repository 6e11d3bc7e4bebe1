using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Breaks;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using static Receta.Core.Tests.Days;
using static Receta.Core.Tests.Progress.ProgressCalculatorTests;

namespace Receta.Core.Tests.Progress;

public sealed class ProgressWithBreaksTests
{
    // A sum from 0 to 100 over the 100 days from 2025-01-01 to 2025-04-11.
    private static readonly Measure Hundred = new("hours", 0, 100, Aggregation.Sum);
    private static readonly DateOnly Jan1 = D("2025-01-01");
    private static readonly DateOnly Apr11 = D("2025-04-11");

    private static ActiveDays Break(string from, string to) => new([new DateRange(D(from), D(to))]);

    private static ProgressReport ProgressOf(IEnumerable<MeasureEntry> entries, DateOnly asOf, ActiveDays breaks, params Waypoint[] waypoints) =>
        ProgressCalculator.Compute(
            new ProgressInput("goal-1", Jan1, Apr11, Hundred, new MeasureHistory(Hundred, entries), waypoints, 0, 0, breaks), asOf);

    // One entry of 1 on every active day from..through.
    private static IEnumerable<MeasureEntry> OnActiveDays(ActiveDays breaks, string from, string through) =>
        Daily(D(from), D(through), 1).Where(e => breaks.IsActive(e.Date)).Select((e, i) => e with { Sequence = i + 1 });

    [Fact]
    public void Road_ThroughABreak_DoesNotRise()
    {
        var exams = Break("2025-01-11", "2025-01-20");

        // 90 active days carry the road from 0 to 100; the first 9 of them are done by 2025-01-10.
        Assert.Equal(10, ProgressOf([], D("2025-01-10"), exams).Road!.Value, 1e-12);
        Assert.Equal(10, ProgressOf([], D("2025-01-15"), exams).Road!.Value, 1e-12);
        Assert.Equal(10, ProgressOf([], D("2025-01-20"), exams).Road!.Value, 1e-12);
        Assert.Equal(100.0 * 10 / 90, ProgressOf([], D("2025-01-21"), exams).Road!.Value, 1e-12);
    }

    [Fact]
    public void Road_SegmentThatIsAllBreak_StaysAtItsStartUntilItsEnd()
    {
        var breaks = Break("2025-02-02", "2025-02-10");
        Waypoint[] waypoints = [new(D("2025-02-01"), 50, 1), new(D("2025-02-10"), 60, 2)];

        Assert.Equal(50, ProgressOf([], D("2025-02-01"), breaks, waypoints).Road!.Value, 1e-12);
        Assert.Equal(50, ProgressOf([], D("2025-02-05"), breaks, waypoints).Road!.Value, 1e-12);
        Assert.Equal(60, ProgressOf([], D("2025-02-10"), breaks, waypoints).Road!.Value, 1e-12);
        Assert.Equal(50.0 * 10 / 31, ProgressOf([], D("2025-01-11"), breaks, waypoints).Road!.Value, 1e-12);
    }

    [Fact]
    public void RecentRate_BreakInTheWindow_CountsActiveDaysOnly()
    {
        var breaks = Break("2025-02-01", "2025-02-07");

        var report = ProgressOf(OnActiveDays(breaks, "2025-01-01", "2025-02-28"), D("2025-02-28"), breaks);

        // 21 entries over the 21 active days from 2025-02-01 (excluded) to 2025-02-28.
        Assert.Equal(1, report.RecentRatePerDay!.Value, 1e-12);
    }

    [Fact]
    public void Progress_BreakCoveringTheTargetDate_NoRequiredRateAndProjectionAfterTheBreak()
    {
        var breaks = Break("2025-04-01", "2025-04-20");
        var entries = OnActiveDays(breaks, "2025-01-01", "2025-03-31").ToList();

        var before = ProgressOf(entries, D("2025-03-01"), breaks);
        var during = ProgressOf(entries, D("2025-04-05"), breaks);

        // The road reaches 100 on 2025-03-31, the last of its 89 active days.
        Assert.Equal(100.0 * 59 / 89, before.Road!.Value, 1e-12);
        Assert.Equal(40.0 / 30, before.RequiredRatePerDay!.Value, 1e-12);
        Assert.Equal(ProgressStatus.Behind, before.Status);
        Assert.Equal(100, during.Road!.Value, 1e-12);
        Assert.Null(during.RequiredRatePerDay);
        Assert.Equal(ProgressStatus.OffTrack, during.Status);
        // 10 to go at 1 a day: the 10th active day after 2025-04-05 is the 10th after the break.
        Assert.Equal(1, during.RecentRatePerDay!.Value, 1e-12);
        Assert.Equal(D("2025-04-30"), during.ProjectedCompletion);
        Assert.Equal(new Forecast(D("2025-04-30"), D("2025-04-30")), during.Forecast);
        Assert.Equal(0, during.OnTimeProbability);
    }

    [Fact]
    public void BufferDays_BreakAhead_AddsBufferInCalendarDays()
    {
        var entries = new[] { new MeasureEntry(Jan1, 45, 1) };

        Assert.Equal(5, ProgressOf(entries, D("2025-02-10"), ActiveDays.None).BufferDays);
        // The road waits over the ten days of the break, so 45 holds until 2025-02-21.
        Assert.Equal(10, ProgressOf(entries, D("2025-02-10"), Break("2025-02-11", "2025-02-20")).BufferDays);
    }

    [Fact]
    public void Forecast_BreakDaysInTheWindow_AreLeftOutOfTheChanges()
    {
        var breaks = Break("2025-02-10", "2025-02-16");
        var entries = OnActiveDays(breaks, "2025-01-01", "2025-03-01").ToList();

        var report = ProgressOf(entries, D("2025-03-01"), breaks);

        // Every change on an active day is 1, so the forecast is steady and equals the projection.
        Assert.NotNull(report.ProjectedCompletion);
        Assert.Equal(new Forecast(report.ProjectedCompletion, report.ProjectedCompletion), report.Forecast);
    }

    [Fact]
    public void Forecast_WindowAllBreak_IsNull()
    {
        var breaks = Break("2025-01-20", "2025-03-10");

        Assert.Null(ProgressOf(Daily(Jan1, D("2025-03-10"), 1), D("2025-03-10"), breaks).Forecast);
    }

    [Property(MaxTest = 150)]
    public Property Compute_BreakEndingBeforeTheStartAndTheDay_ChangesNothing() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), Gen.Choose(1, 366).ToArbitrary(), (scenario, length) =>
        {
            var end = (scenario.AsOf < scenario.StartDate ? scenario.AsOf : scenario.StartDate).AddDays(-3);
            var before = new ActiveDays([new DateRange(end.AddDays(1 - length), end)]);

            Assert.Equal(scenario.Compute(scenario.Entries), scenario.Compute(scenario.Entries, before));
        });

    [Property(MaxTest = 150)]
    public Property Compute_EmptyBreaks_ChangesNothing() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), scenario =>
            Assert.Equal(scenario.Compute(scenario.Entries), scenario.Compute(scenario.Entries, new ActiveDays([]))));
}
