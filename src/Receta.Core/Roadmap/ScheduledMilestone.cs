namespace Receta.Core.Roadmap;

/// <summary>A milestone placed on the roadmap as of a day.</summary>
/// <param name="Id">The milestone's id.</param>
/// <param name="Title">The milestone's title.</param>
/// <param name="Status">Done when its completion date is on or before the as-of day, otherwise to do.</param>
/// <param name="DueDate">Its due date, if any.</param>
/// <param name="RemainingHours">max(0, estimate − hours worked), in hours; 0 when done.</param>
/// <param name="ProjectedStart">The first day worked on it; null when done or after 2999-12-31.</param>
/// <param name="ProjectedFinish">The last day worked on it (inclusive); null when done or after 2999-12-31.</param>
/// <param name="Late">It has a due date and is projected to finish after it.</param>
/// <param name="BlockedBy">Ids of its direct dependencies still to do as of the day, in the order given.</param>
/// <param name="CompletedOn">Its completion date when done as of the day, otherwise null.</param>
public sealed record ScheduledMilestone(
    string Id,
    string Title,
    MilestoneStatus Status,
    DateOnly? DueDate,
    double RemainingHours,
    DateOnly? ProjectedStart,
    DateOnly? ProjectedFinish,
    bool Late,
    IReadOnlyList<string> BlockedBy,
    DateOnly? CompletedOn);
