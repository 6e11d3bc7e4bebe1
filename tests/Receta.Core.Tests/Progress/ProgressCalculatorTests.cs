using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Progress;

public sealed class ProgressCalculatorTests
{
    // A sum from 0 to 100 over the 100 days from 2025-01-01 to 2025-04-11: the road is the day's index.
    private static readonly Measure Hundred = new("hours", 0, 100, Aggregation.Sum);
    private static readonly DateOnly Jan1 = D("2025-01-01");
    private static readonly DateOnly Apr11 = D("2025-04-11");

    internal static ProgressReport ProgressOf(
        Measure measure, DateOnly start, DateOnly? target, IEnumerable<MeasureEntry> entries, DateOnly asOf, params Waypoint[] waypoints) =>
        ProgressCalculator.Compute(
            new ProgressInput("goal-1", start, target, measure, new MeasureHistory(measure, entries), waypoints, 0, 0), asOf);

    internal static IEnumerable<MeasureEntry> Daily(DateOnly from, DateOnly through, double value)
    {
        var sequence = 0L;
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            yield return new MeasureEntry(day, value, ++sequence);
        }
    }

    private static MeasureEntry Entry(string day, double value, long sequence = 1) => new(D(day), value, sequence);

    [Fact]
    public void Compute_WorkedExample1_Behind()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, Daily(Jan1, D("2025-01-31"), 1.0), D("2025-02-10"));

        Assert.Equal(D("2025-02-10"), report.AsOf);
        Assert.Equal(31, report.Current);
        Assert.Equal(0, report.Start);
        Assert.Equal(100, report.Target);
        Assert.Equal(69, report.Remaining);
        Assert.Equal(31.0, report.PercentComplete);
        Assert.False(report.Achieved);
        Assert.Equal(40, report.Road!.Value, 1e-12);
        Assert.Equal(-9, report.AheadBy!.Value, 1e-12);
        Assert.Equal(-9, report.BufferDays);
        Assert.Equal(18.0 / 28, report.RecentRatePerDay!.Value, 1e-15);
        Assert.Equal(1.15, report.RequiredRatePerDay!.Value, 1e-12);
        Assert.Equal(D("2025-05-29"), report.ProjectedCompletion);
        Assert.Equal(ProgressStatus.Behind, report.Status);
    }

    [Fact]
    public void Compute_WorkedExample3_OnTrackDoingLess()
    {
        var measure = new Measure("kg", 92, 80, Aggregation.Last);
        var entries = new[] { Entry("2025-02-03", 91.6, 1), Entry("2025-02-10", 91.9, 2), Entry("2025-02-10", 91.2, 3) };

        var report = ProgressOf(measure, D("2025-02-01"), D("2025-08-01"), entries, D("2025-02-12"));

        Assert.Equal(91.2, report.Current);
        Assert.Equal(11.2, report.Remaining!.Value, 1e-12);
        // 100 · (91.2 − 92) / (80 − 92) = 6.67
        Assert.Equal(6.7, report.PercentComplete);
        Assert.Equal(-0.8 / 11, report.RecentRatePerDay!.Value, 1e-12);
        // road(a) = 92 − 12 · 11 / 181; requiredRate = (80 − 91.2) / 170
        Assert.Equal(92 - (12.0 * 11 / 181), report.Road!.Value, 1e-12);
        Assert.Equal(-(91.2 - (92 - (12.0 * 11 / 181))), report.AheadBy!.Value, 1e-12);
        Assert.Equal(-11.2 / 170, report.RequiredRatePerDay!.Value, 1e-12);
        // 11.2 / (0.8 / 11) is 154 within 1e-9: 154 days, not 155.
        Assert.Equal(D("2025-07-16"), report.ProjectedCompletion);
        Assert.Equal(1, report.BufferDays);
        Assert.Equal(ProgressStatus.OnTrack, report.Status);
    }

    [Fact]
    public void Compute_WorkedExample4_TenTenthsAchieveOne()
    {
        var measure = new Measure("units", 0, 1, Aggregation.Sum);

        var report = ProgressOf(measure, Jan1, Apr11, Daily(Jan1, D("2025-01-10"), 0.1), D("2025-01-10"));

        Assert.True(report.Achieved);
        Assert.Equal(0, report.Remaining);
        Assert.Equal(100.0, report.PercentComplete);
        Assert.Equal(ProgressStatus.Achieved, report.Status);
        Assert.Null(report.BufferDays);
        Assert.Null(report.RequiredRatePerDay);
        Assert.Null(report.ProjectedCompletion);
        Assert.Null(report.Forecast);
    }

    [Fact]
    public void Compute_AheadByThreeWeeks_Ahead()
    {
        // c = 60 on day 40; the road passes 60 on day 60, so day 61 is the first day behind: k = 21.
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 60)], D("2025-02-10"));

        Assert.Equal(20, report.AheadBy!.Value, 1e-12);
        Assert.Equal(20, report.BufferDays);
        Assert.Equal(ProgressStatus.Ahead, report.Status);
    }

    [Fact]
    public void Compute_AheadByFive_OnTrack()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 45)], D("2025-02-10"));

        Assert.Equal(5, report.BufferDays);
        Assert.Equal(ProgressStatus.OnTrack, report.Status);
    }

    [Fact]
    public void Compute_ExactlyOnTheRoad_ZeroBufferOnTrack()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 40)], D("2025-02-10"));

        Assert.Equal(0, report.AheadBy);
        Assert.Equal(0, report.BufferDays);
        Assert.Equal(ProgressStatus.OnTrack, report.Status);
    }

    [Fact]
    public void Compute_AheadBySevenDays_Ahead()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 47)], D("2025-02-10"));

        Assert.Equal(7, report.BufferDays);
        Assert.Equal(ProgressStatus.Ahead, report.Status);
    }

    [Fact]
    public void Compute_OnTheRoadWithinTolerance_ZeroBufferOnTrack()
    {
        // Ten tenths are 0.9999999999999999; the road (0 to 10 over 100 days) is exactly 1 on day 10.
        // Equal within ε, so on the road: the first day behind is day 11 (road 1.1), k = 1.
        var measure = new Measure("km", 0, 10, Aggregation.Sum);

        var report = ProgressOf(measure, Jan1, Apr11, Daily(Jan1, D("2025-01-10"), 0.1), D("2025-01-11"));

        Assert.Equal(1, report.Road);
        Assert.True(report.AheadBy < 0);
        Assert.Equal(0, report.BufferDays);
        Assert.Equal(ProgressStatus.OnTrack, report.Status);
    }

    [Fact]
    public void Compute_CountMeasure_EachEntryCountsOne()
    {
        var measure = new Measure("applications", 0, 12, Aggregation.Count);
        var entries = Enumerable.Range(0, 11).Select(i => new MeasureEntry(Jan1.AddDays(i * 30), null, i));

        var report = ProgressOf(measure, Jan1, null, entries, D("2026-01-01"));

        Assert.Equal(11, report.Current);
        Assert.Equal(1, report.Remaining);
        // 100 · 11 / 12 = 91.67
        Assert.Equal(91.7, report.PercentComplete);
        Assert.False(report.Achieved);
    }

    [Fact]
    public void Compute_FarBehindAndNeedingMoreThanTwiceTheRecentRate_OffTrack()
    {
        // c = 10 on day 40, passed by the road on day 10; no change in 28 days, 90 to go in 60 days.
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 10)], D("2025-02-10"));

        Assert.Equal(-30, report.BufferDays);
        Assert.Equal(0, report.RecentRatePerDay);
        Assert.Equal(1.5, report.RequiredRatePerDay!.Value, 1e-12);
        Assert.Null(report.ProjectedCompletion);
        Assert.Equal(ProgressStatus.OffTrack, report.Status);
    }

    [Fact]
    public void Compute_BehindNeedingExactlyTwiceTheRecentRate_Behind()
    {
        // 1 a day from day 1 to day 40: c = 40 on 2025-02-10, one day behind a road of 2 a day to 100 by day 50 ...
        var measure = new Measure("hours", 0, 100, Aggregation.Sum);
        var entries = Daily(D("2025-01-02"), D("2025-02-10"), 1.0);

        // ... so the road (0 on 2025-01-01, 100 on 2025-02-20) is at 80: behind, passed c on day 20 (m = 20).
        var report = ProgressOf(measure, Jan1, D("2025-02-20"), entries, D("2025-02-10"));

        Assert.Equal(-20, report.BufferDays);
        Assert.Equal(1, report.RecentRatePerDay!.Value, 1e-12);
        // 60 to go in 10 days is 6 a day, more than twice 1: off track.
        Assert.Equal(6, report.RequiredRatePerDay!.Value, 1e-12);
        Assert.Equal(ProgressStatus.OffTrack, report.Status);

        // With the target date at 2025-03-12 (30 days left), 60 to go needs 2 a day: exactly twice the recent rate.
        var later = ProgressOf(measure, Jan1, D("2025-03-12"), entries, D("2025-02-10"));
        Assert.Equal(2, later.RequiredRatePerDay!.Value, 1e-12);
        Assert.True(later.BufferDays < 0);
        Assert.Equal(ProgressStatus.Behind, later.Status);
    }

    [Fact]
    public void Compute_AfterTheTargetDateNotAchieved_OffTrackWithoutRequiredRate()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, Daily(Jan1, D("2025-01-31"), 1.0), D("2025-04-20"));

        Assert.Equal(100, report.Road);
        Assert.Null(report.RequiredRatePerDay);
        // The road passed 31 on day 31 (2025-02-01), 78 days before 2025-04-20.
        Assert.Equal(-78, report.BufferDays);
        Assert.Equal(ProgressStatus.OffTrack, report.Status);
    }

    [Fact]
    public void Compute_OnTheTargetDateNotAchieved_NoRequiredRate()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, Daily(Jan1, D("2025-01-31"), 1.0), Apr11);

        Assert.Null(report.RequiredRatePerDay);
        Assert.Equal(ProgressStatus.OffTrack, report.Status);
    }

    [Fact]
    public void Compute_BehindTheStartValueEver_BufferIsDaysSinceStart()
    {
        // A negative entry before d0: the road is never at or below −5 from d0 to a.
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2024-12-31", -5)], D("2025-02-10"));

        Assert.Equal(-5, report.Current);
        Assert.Equal(0, report.PercentComplete);
        Assert.Equal(-40, report.BufferDays);
    }

    [Fact]
    public void Compute_BehindOnTheStartDate_BufferMinusOne()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2024-12-31", -5)], Jan1);

        Assert.Equal(-1, report.BufferDays);
        Assert.Equal(0, report.RecentRatePerDay);
    }

    [Fact]
    public void Compute_EntryBeforeTheStartDate_Counts()
    {
        var report = ProgressOf(Hundred, D("2025-01-10"), Apr11, [Entry("2025-01-01", 5)], D("2025-01-20"));

        Assert.Equal(5, report.Current);
        Assert.Equal(95, report.Remaining);
        // f = max(d0, a − 28) = 2025-01-10, when c was already 5.
        Assert.Equal(0, report.RecentRatePerDay);
    }

    [Fact]
    public void Compute_RoadBentByAWaypoint_BufferFollowsTheBend()
    {
        // Road: 0 → 80 over days 0..50 (1.6 a day), then 80 → 100 over days 50..100 (0.4 a day).
        var waypoint = new Waypoint(D("2025-02-20"), 80, 1);

        // c = 60 on day 10 (road 16): the road passes 60 after day 37.5, so day 38 is the first behind: k = 28.
        var ahead = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 60)], D("2025-01-11"), waypoint);
        Assert.Equal(16, ahead.Road!.Value, 1e-12);
        Assert.Equal(27, ahead.BufferDays);

        // c = 85 on day 80 (road 92): the road was at or below 85 up to day 62.5, so day 62: m = 18.
        var behind = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 85)], D("2025-03-22"), waypoint);
        Assert.Equal(92, behind.Road!.Value, 1e-12);
        Assert.Equal(-18, behind.BufferDays);
    }

    [Fact]
    public void Compute_RoadOvershootingTheTarget_SearchesEverySegment()
    {
        // Road: 0 → 120 over days 0..50 (2.4 a day), then back down to 100 by day 100.
        var waypoint = new Waypoint(D("2025-02-20"), 120, 1);

        // c = 99 on day 80 (road 108): the road was last at or below 99 on day 41 (2.4 · 41 = 98.4): m = 39.
        var behind = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 99)], D("2025-03-22"), waypoint);
        Assert.Equal(-39, behind.BufferDays);

        // c = 99 on day 10 (road 24): first ahead of 99 on day 42 (2.4 · 42 = 100.8): k = 32.
        var ahead = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 99)], D("2025-01-11"), waypoint);
        Assert.Equal(31, ahead.BufferDays);
    }

    [Fact]
    public void Compute_NoTargetDate_OpenWithoutRoad()
    {
        var report = ProgressOf(Hundred, Jan1, null, Daily(Jan1, D("2025-01-31"), 1.0), D("2025-02-10"));

        Assert.Equal(ProgressStatus.Open, report.Status);
        Assert.Null(report.Road);
        Assert.Null(report.AheadBy);
        Assert.Null(report.BufferDays);
        Assert.Null(report.RequiredRatePerDay);
        Assert.Equal(18.0 / 28, report.RecentRatePerDay!.Value, 1e-15);
        Assert.Equal(D("2025-05-29"), report.ProjectedCompletion);
    }

    [Fact]
    public void Compute_NoTargetDateButAchieved_Achieved() =>
        Assert.Equal(ProgressStatus.Achieved, ProgressOf(Hundred, Jan1, null, [Entry("2025-01-05", 100)], D("2025-02-10")).Status);

    [Fact]
    public void Compute_ProgressGoingBackwards_NoProjection()
    {
        // c(f) = 10 on 2025-01-13, c(a) = 5: the recent rate points away from the target.
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 10, 1), Entry("2025-02-01", -5, 2)], D("2025-02-10"));

        Assert.Equal(-5.0 / 28, report.RecentRatePerDay!.Value, 1e-15);
        Assert.Null(report.ProjectedCompletion);
    }

    [Fact]
    public void Compute_AsOfTheStartDate_RateZero()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-01", 3)], Jan1);

        Assert.Equal(0, report.RecentRatePerDay);
        Assert.Null(report.ProjectedCompletion);
    }

    [Fact]
    public void Compute_ShortHistory_RateOverDaysSinceStart()
    {
        // f = max(d0, a − 28) = d0: 10 over 10 days.
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-05", 10)], D("2025-01-11"));

        Assert.Equal(1, report.RecentRatePerDay!.Value, 1e-15);
        Assert.Equal(D("2025-04-11"), report.ProjectedCompletion);
    }

    [Fact]
    public void Compute_ProjectionOnTheLastDay_Returned()
    {
        // 28 in the 28 days to 2025-01-29 is 1 a day; the remaining days land exactly on 2999-12-31.
        var asOf = D("2025-01-29");
        var daysToCap = DayMath.Days(asOf, D("2999-12-31"));
        var measure = new Measure("days", 0, 28 + daysToCap, Aggregation.Sum);

        var report = ProgressOf(measure, Jan1, null, [Entry("2025-01-02", 28)], asOf);

        Assert.Equal(D("2999-12-31"), report.ProjectedCompletion);
    }

    [Fact]
    public void Compute_ProjectionAfter2999_Null()
    {
        var asOf = D("2025-01-29");
        var daysToCap = DayMath.Days(asOf, D("2999-12-31"));
        var measure = new Measure("days", 0, 28 + daysToCap + 1, Aggregation.Sum);

        Assert.Null(ProgressOf(measure, Jan1, null, [Entry("2025-01-02", 28)], asOf).ProjectedCompletion);
        Assert.Null(ProgressOf(new Measure("days", 0, 1e15, Aggregation.Sum), Jan1, null, [Entry("2025-01-02", 28)], asOf).ProjectedCompletion);
    }

    [Fact]
    public void Compute_WithoutMeasure_PercentOfMilestonesDone()
    {
        var report = ProgressCalculator.Compute(new ProgressInput("goal-1", Jan1, Apr11, null, null, [], 2, 3), D("2025-02-10"));

        Assert.Equal(66.7, report.PercentComplete);
        Assert.False(report.Achieved);
        Assert.Equal(ProgressStatus.Open, report.Status);
        Assert.Null(report.Current);
        Assert.Null(report.Start);
        Assert.Null(report.Target);
        Assert.Null(report.Remaining);
        Assert.Null(report.Road);
        Assert.Null(report.AheadBy);
        Assert.Null(report.BufferDays);
        Assert.Null(report.RecentRatePerDay);
        Assert.Null(report.RequiredRatePerDay);
        Assert.Null(report.ProjectedCompletion);
        Assert.Null(report.Forecast);
    }

    [Fact]
    public void Compute_WithoutMeasureOrMilestones_ZeroPercent() =>
        Assert.Equal(0, ProgressCalculator.Compute(new ProgressInput("g", Jan1, null, null, null, [], 0, 0), Jan1).PercentComplete);

    [Fact]
    public void Compute_WithoutMeasureAllMilestonesDone_HundredButNotAchieved()
    {
        var report = ProgressCalculator.Compute(new ProgressInput("g", Jan1, null, null, null, [], 4, 4), Jan1);

        Assert.Equal(100, report.PercentComplete);
        Assert.False(report.Achieved);
    }

    [Fact]
    public void Compute_MeasureWithoutHistory_ReadsAsNoEntry()
    {
        var report = ProgressCalculator.Compute(new ProgressInput("g", Jan1, Apr11, Hundred, null, [], 0, 0), D("2025-02-10"));

        Assert.Equal(0, report.Current);
        Assert.Equal(-40, report.BufferDays);
    }

    [Fact]
    public void Compute_HistoryOfAnotherMeasure_Throws()
    {
        var history = new MeasureHistory(new Measure("kg", 92, 80, Aggregation.Last), []);

        Assert.Throws<ArgumentException>(() =>
            ProgressCalculator.Compute(new ProgressInput("g", Jan1, Apr11, Hundred, history, [], 0, 0), Jan1));
    }

    [Fact]
    public void Compute_PastTheTargetValue_ClampedToHundredPercent()
    {
        var report = ProgressOf(Hundred, Jan1, Apr11, [Entry("2025-01-05", 130)], D("2025-02-10"));

        Assert.Equal(100, report.PercentComplete);
        Assert.Equal(0, report.Remaining);
        Assert.True(report.Achieved);
    }

    [Property(MaxTest = 100)]
    public Property Compute_EntriesAfterTheDayAdded_NothingChanges() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), Gen.Choose(1, 400).ToArbitrary(), (scenario, after) =>
        {
            var later = new MeasureEntry(scenario.AsOf.AddDays(after), after % 2 == 0 ? 1000 : -1000, -1);

            Assert.Equal(scenario.Compute(), scenario.Compute(scenario.Entries.Append(later)));
        });

    [Property(MaxTest = 200)]
    public Property Compute_AnyScenario_PercentWithinZeroToHundred() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), scenario =>
        {
            var percent = scenario.Compute().PercentComplete;

            Assert.InRange(percent, 0, 100);
            Assert.Equal(Math.Round(percent, 1), percent);
        });

    [Property(MaxTest = 200)]
    public Property Compute_WithARoad_NegativeBufferExactlyWhenBehind() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), scenario =>
        {
            var report = scenario.Compute();
            if (report.Achieved || report.AheadBy is not { } aheadBy)
            {
                return;
            }

            Assert.Equal(aheadBy < 0, report.BufferDays < 0);
        });

    [Property(MaxTest = 200)]
    public Property Compute_AnyScenario_StatusFollowsTheFields() =>
        Prop.ForAll(ProgressScenario.Arbitrary(), scenario =>
        {
            var report = scenario.Compute();

            var expected = report.Achieved ? ProgressStatus.Achieved
                : scenario.TargetDate is null ? ProgressStatus.Open
                : report.BufferDays >= 7 ? ProgressStatus.Ahead
                : report.BufferDays >= 0 ? ProgressStatus.OnTrack
                : report.RequiredRatePerDay is { } required
                    && Tolerance.Compare(scenario.Measure.Direction * required, 2 * scenario.Measure.Direction * report.RecentRatePerDay!.Value) <= 0
                    ? ProgressStatus.Behind
                    : ProgressStatus.OffTrack;
            Assert.Equal(expected, report.Status);
        });
}
