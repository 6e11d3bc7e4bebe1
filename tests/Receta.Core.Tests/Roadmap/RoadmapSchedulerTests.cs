using Receta.Core.Roadmap;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Roadmap;

public sealed class RoadmapSchedulerTests
{
    // 7 hours a week is 1 hour a day, so hours read as days.
    private const double OneHourADay = 7;
    private static readonly DateOnly Monday = D("2025-03-03");

    private static MilestonePlan Milestone(
        string id, double hours, long sequence, string? due = null, string[]? dependsOn = null, string? completedOn = null, double worked = 0) =>
        new(id, $"Milestone {id}", due is null ? null : D(due), hours, sequence, dependsOn ?? [], completedOn is null ? null : D(completedOn), worked);

    private static ScheduledMilestone Item(RoadmapSchedule schedule, string id) => schedule.Items.Single(i => i.Id == id);

    [Fact]
    public void Schedule_ReadyMilestones_EarliestDueFirstThenCreationNoDueLast()
    {
        var schedule = RoadmapScheduler.Schedule(
        [
            Milestone("A", 2, 1, due: "2025-04-01"),
            Milestone("B", 3, 2, due: "2025-03-10"),
            Milestone("C", 1, 3),
            Milestone("D", 1, 4, due: "2025-03-10"),
        ], OneHourADay, Monday);

        Assert.Equal(["B", "D", "A", "C"], schedule.Items.Select(i => i.Id));
        Assert.Equal("B", schedule.Next);
        // B [0, 3), D [3, 4), A [4, 6), C [6, 7) days from the start of 2025-03-03.
        Assert.Equal((D("2025-03-03"), D("2025-03-05")), (Item(schedule, "B").ProjectedStart, Item(schedule, "B").ProjectedFinish));
        Assert.Equal((D("2025-03-06"), D("2025-03-06")), (Item(schedule, "D").ProjectedStart, Item(schedule, "D").ProjectedFinish));
        Assert.Equal((D("2025-03-07"), D("2025-03-08")), (Item(schedule, "A").ProjectedStart, Item(schedule, "A").ProjectedFinish));
        Assert.Equal((D("2025-03-09"), D("2025-03-09")), (Item(schedule, "C").ProjectedStart, Item(schedule, "C").ProjectedFinish));
        Assert.Equal(D("2025-03-09"), schedule.ProjectedFinish);
        Assert.All(schedule.Items, i => Assert.False(i.Late));
    }

    [Fact]
    public void Schedule_SameDueDate_CreationOrderNotListOrder()
    {
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("late-created", 1, 9, due: "2025-03-10"), Milestone("early-created", 1, 2, due: "2025-03-10")], OneHourADay, Monday);

        Assert.Equal(["early-created", "late-created"], schedule.Items.Select(i => i.Id));
    }

    [Fact]
    public void Schedule_DependencyOnALaterDueMilestone_DependencyFirstAndLate()
    {
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("A", 2, 1, due: "2025-03-04", dependsOn: ["B"]), Milestone("B", 2, 2, due: "2025-04-30")], OneHourADay, Monday);

        Assert.Equal(["B", "A"], schedule.Items.Select(i => i.Id));
        Assert.Equal("B", schedule.Next);
        // B [0, 2) ends 2025-03-04; A [2, 4) ends 2025-03-06, after its due date.
        Assert.Equal(D("2025-03-06"), Item(schedule, "A").ProjectedFinish);
        Assert.True(Item(schedule, "A").Late);
        Assert.False(Item(schedule, "B").Late);
        Assert.Equal(["B"], Item(schedule, "A").BlockedBy);
        Assert.Empty(Item(schedule, "B").BlockedBy);
    }

    [Fact]
    public void Schedule_FinishingOnTheDueDate_NotLate()
    {
        var schedule = RoadmapScheduler.Schedule([Milestone("A", 2, 1, due: "2025-03-04")], OneHourADay, Monday);

        Assert.Equal(D("2025-03-04"), Item(schedule, "A").ProjectedFinish);
        Assert.False(Item(schedule, "A").Late);
    }

    [Fact]
    public void Schedule_DependencyDoneAsOfTheDay_SatisfiedAndListedAfter()
    {
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("A", 2, 1, dependsOn: ["B"]), Milestone("B", 2, 2, completedOn: "2025-03-01")], OneHourADay, Monday);

        Assert.Equal(["A", "B"], schedule.Items.Select(i => i.Id));
        Assert.Empty(Item(schedule, "A").BlockedBy);
        var b = Item(schedule, "B");
        Assert.Equal(MilestoneStatus.Done, b.Status);
        Assert.Equal(0, b.RemainingHours);
        Assert.Null(b.ProjectedStart);
        Assert.Null(b.ProjectedFinish);
        Assert.False(b.Late);
        Assert.Equal(D("2025-03-01"), b.CompletedOn);
        Assert.Equal(D("2025-03-04"), schedule.ProjectedFinish);
    }

    [Fact]
    public void Schedule_CompletedAfterTheDay_StillToDoAsOfIt()
    {
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("A", 2, 1, dependsOn: ["B"]), Milestone("B", 3, 2, completedOn: "2025-03-05")], OneHourADay, Monday);

        var b = Item(schedule, "B");
        Assert.Equal(MilestoneStatus.Todo, b.Status);
        Assert.Null(b.CompletedOn);
        Assert.Equal(3, b.RemainingHours);
        Assert.Equal(["B"], Item(schedule, "A").BlockedBy);
        Assert.Equal(["B", "A"], schedule.Items.Select(i => i.Id));

        var later = RoadmapScheduler.Schedule(
            [Milestone("A", 2, 1, dependsOn: ["B"]), Milestone("B", 3, 2, completedOn: "2025-03-05")], OneHourADay, D("2025-03-05"));
        Assert.Equal(MilestoneStatus.Done, Item(later, "B").Status);
        Assert.Empty(Item(later, "A").BlockedBy);
    }

    [Fact]
    public void Schedule_ZeroHours_FinishesTheDayItStarts()
    {
        var schedule = RoadmapScheduler.Schedule(
        [
            Milestone("kickoff", 0, 1, due: "2025-03-03"),
            Milestone("work", 2, 2, due: "2025-03-04"),
            Milestone("review", 0, 3, due: "2025-03-05"),
        ], OneHourADay, Monday);

        Assert.Equal((D("2025-03-03"), D("2025-03-03")), (Item(schedule, "kickoff").ProjectedStart, Item(schedule, "kickoff").ProjectedFinish));
        Assert.Equal((D("2025-03-03"), D("2025-03-04")), (Item(schedule, "work").ProjectedStart, Item(schedule, "work").ProjectedFinish));
        // t0 = t1 = 2: it starts and finishes on day 2.
        Assert.Equal((D("2025-03-05"), D("2025-03-05")), (Item(schedule, "review").ProjectedStart, Item(schedule, "review").ProjectedFinish));
        Assert.False(Item(schedule, "review").Late);
    }

    [Fact]
    public void Schedule_HoursWorked_ReduceRemainingButNotBelowZero()
    {
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("A", 5, 1, worked: 2), Milestone("B", 5, 2, worked: 7)], OneHourADay, Monday);

        Assert.Equal(3, Item(schedule, "A").RemainingHours);
        Assert.Equal(0, Item(schedule, "B").RemainingHours);
        Assert.Equal(D("2025-03-06"), Item(schedule, "B").ProjectedStart);
        Assert.Equal(D("2025-03-06"), Item(schedule, "B").ProjectedFinish);
    }

    [Fact]
    public void Schedule_HalfDays_FloorStartCeilFinish()
    {
        // 3.5 hours a week is 0.5 a day: A [0, 2.5), B [2.5, 3), C [3, 3.5).
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("A", 1.25, 1), Milestone("B", 0.25, 2), Milestone("C", 0.25, 3)], 3.5, Monday);

        Assert.Equal((D("2025-03-03"), D("2025-03-05")), (Item(schedule, "A").ProjectedStart, Item(schedule, "A").ProjectedFinish));
        Assert.Equal((D("2025-03-05"), D("2025-03-05")), (Item(schedule, "B").ProjectedStart, Item(schedule, "B").ProjectedFinish));
        Assert.Equal((D("2025-03-06"), D("2025-03-06")), (Item(schedule, "C").ProjectedStart, Item(schedule, "C").ProjectedFinish));
    }

    [Fact]
    public void Schedule_CapacityWithBinaryArtefact_SnapsBeforeCeiling()
    {
        // 0.7 hours a week is 0.1 a day, computed as 0.09999999999999999: 0.2 hours take 2.0000000000000004 days.
        var schedule = RoadmapScheduler.Schedule([Milestone("A", 0.2, 1)], 0.7, Monday);

        Assert.Equal(D("2025-03-04"), Item(schedule, "A").ProjectedFinish);
    }

    [Fact]
    public void Schedule_CapacityWithBinaryArtefact_SnapsBeforeFloor()
    {
        // 4.9 hours a week is 0.7000000000000001 a day: 0.7 hours take 0.9999999999999999 days, so B starts on day 1.
        var schedule = RoadmapScheduler.Schedule([Milestone("A", 0.7, 1), Milestone("B", 0.7, 2)], 4.9, Monday);

        Assert.Equal(D("2025-03-03"), Item(schedule, "A").ProjectedFinish);
        Assert.Equal((D("2025-03-04"), D("2025-03-04")), (Item(schedule, "B").ProjectedStart, Item(schedule, "B").ProjectedFinish));
    }

    [Fact]
    public void Schedule_NothingToDo_NoNextNoFinish()
    {
        var schedule = RoadmapScheduler.Schedule([Milestone("A", 2, 1, completedOn: "2025-02-01")], OneHourADay, Monday);

        Assert.Null(schedule.Next);
        Assert.Null(schedule.ProjectedFinish);
        Assert.Single(schedule.Items);
    }

    [Fact]
    public void Schedule_NoMilestones_Empty()
    {
        var schedule = RoadmapScheduler.Schedule([], OneHourADay, Monday);

        Assert.Null(schedule.Next);
        Assert.Empty(schedule.Items);
    }

    [Fact]
    public void Schedule_DoneMilestones_ByCompletionDateThenCreation()
    {
        var schedule = RoadmapScheduler.Schedule(
        [
            Milestone("third", 1, 1, completedOn: "2025-02-10"),
            Milestone("second", 1, 5, completedOn: "2025-02-01"),
            Milestone("first", 1, 3, completedOn: "2025-02-01"),
            Milestone("todo", 1, 4),
        ], OneHourADay, Monday);

        Assert.Equal(["todo", "first", "second", "third"], schedule.Items.Select(i => i.Id));
    }

    [Fact]
    public void Schedule_DependencyOnUnknownMilestone_Ignored()
    {
        var schedule = RoadmapScheduler.Schedule([Milestone("A", 1, 1, dependsOn: ["gone"])], OneHourADay, Monday);

        Assert.Equal("A", schedule.Next);
        Assert.Empty(Item(schedule, "A").BlockedBy);
    }

    [Fact]
    public void Schedule_ChainOfDependencies_WaitsForEachLink()
    {
        // C ← B ← A by dependency, though C is due first and A last.
        var schedule = RoadmapScheduler.Schedule(
        [
            Milestone("A", 1, 1, due: "2025-03-20"),
            Milestone("B", 1, 2, due: "2025-03-30", dependsOn: ["A"]),
            Milestone("C", 1, 3, due: "2025-03-05", dependsOn: ["B"]),
            Milestone("D", 1, 4, due: "2025-03-25"),
        ], OneHourADay, Monday);

        // Ready at first: A (03-20) and D (03-25). After A: B (03-30) and D: D. Then B, then C.
        Assert.Equal(["A", "D", "B", "C"], schedule.Items.Select(i => i.Id));
        Assert.True(Item(schedule, "C").Late);
    }

    [Fact]
    public void Schedule_CycleInStoredData_StillSchedulesEveryMilestone()
    {
        var schedule = RoadmapScheduler.Schedule(
            [Milestone("A", 1, 1, dependsOn: ["B"]), Milestone("B", 1, 2, dependsOn: ["A"])], OneHourADay, Monday);

        Assert.Equal(["A", "B"], schedule.Items.Select(i => i.Id));
    }

    [Fact]
    public void Schedule_FinishAfter2999_NullAndLate()
    {
        var schedule = RoadmapScheduler.Schedule([Milestone("A", 1e12, 1, due: "2030-01-01")], OneHourADay, Monday);

        Assert.Null(Item(schedule, "A").ProjectedFinish);
        Assert.True(Item(schedule, "A").Late);
        Assert.Null(schedule.ProjectedFinish);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Schedule_CapacityNotPositive_Throws(double capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RoadmapScheduler.Schedule([], capacity, Monday));

    [Fact]
    public void Schedule_RepeatedId_Throws() =>
        Assert.Throws<ArgumentException>(() => RoadmapScheduler.Schedule([Milestone("A", 1, 1), Milestone("A", 1, 2)], OneHourADay, Monday));
}
