using Receta.Core.Roadmap;

namespace Receta.Contracts;

/// <summary>A milestone of the roadmap, and the attempt whose lesson it applies (or null).</summary>
public sealed record MilestoneResponse(
    Guid Id,
    string Title,
    DateOnly? DueDate,
    double EstimateHours,
    double? TargetValue,
    IReadOnlyList<Guid> DependsOn,
    MilestoneStatus Status,
    DateOnly? CompletedOn,
    Guid? FromAttemptId);
