using Receta.Core.Roadmap;

namespace Receta.Contracts;

/// <summary>A milestone as scheduled at the goal's weekly capacity, with the attempt whose lesson it applies (or null).</summary>
public sealed record RoadmapItem(
    Guid Id,
    string Title,
    MilestoneStatus Status,
    DateOnly? DueDate,
    double RemainingHours,
    DateOnly? ProjectedStart,
    DateOnly? ProjectedFinish,
    bool Late,
    IReadOnlyList<Guid> BlockedBy,
    DateOnly? CompletedOn,
    double EstimateHours,
    double? TargetValue,
    IReadOnlyList<Guid> DependsOn,
    Guid? FromAttemptId);
