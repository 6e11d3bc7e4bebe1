using Receta.Core.Breaks;
using Receta.Core.Purpose;
using Receta.Core.Work;

namespace Receta.Core.Progress;

/// <summary>Everything progress is computed from, as the goal is now; entries are filtered by the as-of day.</summary>
/// <param name="GoalId">Seeds the forecast, so the same question gets the same answer on every node.</param>
/// <param name="StartDate">The goal's start date <c>d0</c>.</param>
/// <param name="TargetDate">The goal's target date <c>dT</c>, after <c>d0</c>; without it there is no road.</param>
/// <param name="Measure">The goal's measure; without it progress counts milestones.</param>
/// <param name="History">The measure's entries (all of them, any date); null reads as no entry.</param>
/// <param name="Waypoints">Milestones with both a due date and a target value, done or not.</param>
/// <param name="MilestonesDoneAsOf">Milestones whose completion date is on or before the as-of day.</param>
/// <param name="MilestonesTotal">All milestones of the goal.</param>
/// <param name="Breaks">The goal's breaks; null reads as none.</param>
/// <param name="Work">The goal's work sessions (all of them, any date); null reads as none.</param>
/// <param name="WeeklyCapacityHours">The hours per week the goal is given, more than 0: the pace of <see cref="ProgressReport.FinishAtCapacity"/>.</param>
public sealed record ProgressInput(
    string GoalId,
    DateOnly StartDate,
    DateOnly? TargetDate,
    Measure? Measure,
    MeasureHistory? History,
    IReadOnlyList<Waypoint> Waypoints,
    int MilestonesDoneAsOf,
    int MilestonesTotal,
    ActiveDays? Breaks = null,
    WorkHistory? Work = null,
    double WeeklyCapacityHours = 5);
