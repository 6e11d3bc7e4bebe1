using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Breaks;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Breaks;

public sealed class ActiveDaysTests
{
    private static readonly ActiveDays ExamSeason = new([new DateRange(D("2025-01-10"), D("2025-01-12"))]);

    [Fact]
    public void Count_NoBreak_IsTheCalendarDays()
    {
        Assert.Equal(30, ActiveDays.None.Count(D("2025-01-01"), D("2025-01-31")));
        Assert.Equal(0, ActiveDays.None.Count(D("2025-01-31"), D("2025-01-01")));
    }

    [Fact]
    public void Count_BreakInside_LeavesItsDaysOut()
    {
        Assert.Equal(27, ExamSeason.Count(D("2025-01-01"), D("2025-01-31")));
        // x is excluded and y included: from inside the break, only the days after it count.
        Assert.Equal(0, ExamSeason.Count(D("2025-01-10"), D("2025-01-12")));
        Assert.Equal(1, ExamSeason.Count(D("2025-01-09"), D("2025-01-13")));
    }

    [Fact]
    public void IsActive_BothEndsOfABreak_AreBreakDays()
    {
        Assert.True(ExamSeason.IsActive(D("2025-01-09")));
        Assert.False(ExamSeason.IsActive(D("2025-01-10")));
        Assert.False(ExamSeason.IsActive(D("2025-01-12")));
        Assert.True(ExamSeason.IsActive(D("2025-01-13")));
    }

    [Fact]
    public void NthAfter_AcrossABreak_StepsOverIt()
    {
        Assert.Equal(D("2025-01-09"), ExamSeason.NthAfter(D("2025-01-08"), 1));
        Assert.Equal(D("2025-01-13"), ExamSeason.NthAfter(D("2025-01-08"), 2));
        Assert.Equal(D("2025-01-13"), ExamSeason.NthAfter(D("2025-01-10"), 1));
    }

    [Fact]
    public void NthAfter_AdjacentBreaks_StepsOverBoth()
    {
        var breaks = new ActiveDays([new DateRange(D("2025-01-05"), D("2025-01-06")), new DateRange(D("2025-01-07"), D("2025-01-09"))]);

        Assert.Equal(D("2025-01-10"), breaks.NthAfter(D("2025-01-04"), 1));
        Assert.Equal(D("2025-01-04"), breaks.NthAfter(D("2025-01-01"), 3));
    }

    [Fact]
    public void NthAfter_PastTheLastComputedDate_IsNull()
    {
        Assert.Null(ActiveDays.None.NthAfter(D("2999-12-30"), 2));
        Assert.Equal(D("2999-12-31"), ActiveDays.None.NthAfter(D("2999-12-30"), 1));
    }

    [Fact]
    public void AtOrAfter_DayInABreak_StartsAfterIt()
    {
        Assert.Equal(D("2025-01-13"), ExamSeason.AtOrAfter(D("2025-01-11"), 0));
        Assert.Equal(D("2025-01-09"), ExamSeason.AtOrAfter(D("2025-01-09"), 0));
        Assert.Equal(D("2025-01-13"), ExamSeason.AtOrAfter(D("2025-01-09"), 1));
    }

    [Fact]
    public void NthMostRecent_AcrossABreak_ReachesBackOverIt()
    {
        Assert.Equal(D("2025-01-13"), ExamSeason.NthMostRecent(D("2025-01-13"), 1));
        Assert.Equal(D("2025-01-09"), ExamSeason.NthMostRecent(D("2025-01-13"), 2));
        Assert.Equal(D("2025-01-09"), ExamSeason.NthMostRecent(D("2025-01-11"), 1));
        Assert.Equal(D("2025-01-02"), ActiveDays.None.NthMostRecent(D("2025-01-31"), 30));
    }

    [Fact]
    public void New_OverlappingBreaks_Throws() =>
        Assert.Throws<ArgumentException>(() => new ActiveDays(
            [new DateRange(D("2025-01-01"), D("2025-01-10")), new DateRange(D("2025-01-10"), D("2025-01-12"))]));

    [Fact]
    public void New_BreakEndingBeforeItStarts_Throws() =>
        Assert.Throws<ArgumentException>(() => new ActiveDays([new DateRange(D("2025-01-10"), D("2025-01-09"))]));

    [Property(MaxTest = 300)]
    public Property NthAfter_AnyBreaks_IsTheActiveDayWithThatCount() =>
        Prop.ForAll(Breaks().ToArbitrary(), Gen.Choose(-20, 140).ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (breaks, from, n) =>
        {
            var day = D("2025-01-01").AddDays(from);
            var nth = breaks.NthAfter(day, n)!.Value;

            Assert.True(breaks.IsActive(nth));
            Assert.Equal(n, breaks.Count(day, nth));
            Assert.Equal(nth, breaks.AtOrAfter(day.AddDays(1), n - 1));
        });

    [Property(MaxTest = 300)]
    public Property NthMostRecent_AnyBreaks_IsTheActiveDayWithThatCountBack() =>
        Prop.ForAll(Breaks().ToArbitrary(), Gen.Choose(-20, 140).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (breaks, to, k) =>
        {
            var day = D("2025-01-01").AddDays(to);
            var nth = breaks.NthMostRecent(day, k);

            Assert.True(breaks.IsActive(nth));
            Assert.True(nth <= day);
            Assert.Equal(k, breaks.Count(nth.AddDays(-1), day));
        });

    // Up to five breaks of 1 to 30 days in 2025's first months, some touching, none overlapping.
    private static Gen<ActiveDays> Breaks() =>
        Gen.ListOf(Gen.Zip(Gen.Choose(0, 20), Gen.Choose(1, 30))).Select(gapsAndLengths => Lay(gapsAndLengths.Take(5)));

    private static ActiveDays Lay(IEnumerable<(int Gap, int Length)> gapsAndLengths)
    {
        var ranges = new List<DateRange>();
        var next = D("2025-01-01");
        foreach (var (gap, length) in gapsAndLengths)
        {
            var from = next.AddDays(gap);
            ranges.Add(new DateRange(from, from.AddDays(length - 1)));
            next = from.AddDays(length);
        }
        return new ActiveDays(ranges);
    }
}
