using Receta.Core.Progress;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Progress;

public sealed class RoadTests
{
    // 2025-01-01 to 2025-04-11 is 100 days: without waypoints the road rises 1 a day from 0 to 100.
    private static readonly DateOnly Start = D("2025-01-01");
    private static readonly DateOnly Target = D("2025-04-11");

    [Theory]
    [InlineData("2024-12-01", 0)]
    [InlineData("2025-01-01", 0)]
    [InlineData("2025-02-10", 40)]
    [InlineData("2025-04-10", 99)]
    [InlineData("2025-04-11", 100)]
    [InlineData("2026-01-01", 100)]
    public void ValueOn_NoWaypoints_StraightLineFlatOutside(string day, double expected) =>
        Assert.Equal(expected, new Road(Start, 0, Target, 100, []).ValueOn(D(day)), 1e-12);

    [Fact]
    public void ValueOn_Waypoint_BendsTheRoad()
    {
        // Through (day 0, 0), (day 10, 50), (day 100, 100).
        var road = new Road(Start, 0, Target, 100, [new(D("2025-01-11"), 50, 1)]);

        Assert.Equal(25, road.ValueOn(D("2025-01-06")), 1e-12);
        Assert.Equal(50, road.ValueOn(D("2025-01-11")), 1e-12);
        Assert.Equal(50 + (50.0 * 40 / 90), road.ValueOn(D("2025-02-20")), 1e-12);
    }

    [Fact]
    public void ValueOn_SeveralWaypointsOnOneDate_LastCreatedCounts()
    {
        var road = new Road(Start, 0, Target, 100, [new(D("2025-01-11"), 20, 9), new(D("2025-01-11"), 50, 3)]);

        Assert.Equal(20, road.ValueOn(D("2025-01-11")), 1e-12);
        Assert.Equal(10, road.ValueOn(D("2025-01-06")), 1e-12);
    }

    [Fact]
    public void ValueOn_WaypointsOnOrOutsideStartAndTarget_Ignored()
    {
        var road = new Road(Start, 0, Target, 100,
        [
            new(D("2024-12-01"), 70, 1),
            new(D("2025-01-01"), 70, 2),
            new(D("2025-04-11"), 10, 3),
            new(D("2025-05-01"), 10, 4),
        ]);

        Assert.Equal(0, road.ValueOn(D("2025-01-01")));
        Assert.Equal(40, road.ValueOn(D("2025-02-10")), 1e-12);
        Assert.Equal(100, road.ValueOn(D("2025-04-11")));
    }

    [Fact]
    public void Constructor_TargetNotAfterStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new Road(Start, 0, Start, 100, []));
}
