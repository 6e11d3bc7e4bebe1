using Receta.Core.Work;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Work;

public sealed class EffortTests
{
    [Fact]
    public void ByIsoWeek_AcrossTheYearBoundary_UsesTheIsoWeekYear()
    {
        var weeks = Effort.ByIsoWeek(
        [
            new WorkSession(D("2025-01-05"), 15),
            new WorkSession(D("2024-12-30"), 45),
            new WorkSession(D("2024-12-29"), 30),
        ]);

        // 2024-12-29 is the Sunday ending 2024-W52; 2024-12-30 is the Monday starting 2025-W01, which ends on 2025-01-05.
        Assert.Equal([new WeeklyEffort("2024-W52", 30), new WeeklyEffort("2025-W01", 60)], weeks);
    }

    [Fact]
    public void ByIsoWeek_WeekFiftyThree_BelongsToThePreviousYear()
    {
        // 2021-01-03 was a Sunday in 2020-W53; 2021-01-04 opened 2021-W01.
        var weeks = Effort.ByIsoWeek([new WorkSession(D("2021-01-04"), 20), new WorkSession(D("2021-01-03"), 10)]);

        Assert.Equal([new WeeklyEffort("2020-W53", 10), new WeeklyEffort("2021-W01", 20)], weeks);
    }

    [Fact]
    public void ByIsoWeek_WeeksWithoutWork_NotListed()
    {
        var weeks = Effort.ByIsoWeek([new WorkSession(D("2025-03-03"), 60), new WorkSession(D("2025-03-24"), 30)]);

        Assert.Equal([new WeeklyEffort("2025-W10", 60), new WeeklyEffort("2025-W13", 30)], weeks);
    }

    [Fact]
    public void ByIsoWeek_NoSessions_Empty() => Assert.Empty(Effort.ByIsoWeek([]));

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void WorkSession_MinutesOutsideADay_Throws(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkSession(D("2025-03-03"), minutes));
}
