namespace Receta.Core.Roadmap;

/// <summary>A milestone as the scheduler sees it.</summary>
/// <param name="Id">Unique within the goal.</param>
/// <param name="Title">Shown as is.</param>
/// <param name="DueDate">The day it should be finished by (inclusive); null when it has none.</param>
/// <param name="EstimateHours">The work it needs, in hours, 0 or more.</param>
/// <param name="Sequence">Creation order: the last tie-break of the schedule.</param>
/// <param name="DependsOn">Ids of milestones that must be done first; unknown ids are ignored.</param>
/// <param name="CompletedOn">The completion date of a milestone stored as done, otherwise null; it is done as of a day only from this date on.</param>
/// <param name="HoursWorkedAsOf">Hours of work sessions logged on it and dated on or before the as-of day.</param>
public sealed record MilestonePlan(
    string Id,
    string Title,
    DateOnly? DueDate,
    double EstimateHours,
    long Sequence,
    IReadOnlyList<string> DependsOn,
    DateOnly? CompletedOn,
    double HoursWorkedAsOf);
