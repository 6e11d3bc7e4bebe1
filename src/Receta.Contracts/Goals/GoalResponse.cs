using Receta.Core.Circle;
using Receta.Core.Purpose;

namespace Receta.Contracts;

/// <summary>A goal, with the caller's <c>role</c> on it.</summary>
public sealed record GoalResponse(
    Guid Id,
    string Title,
    string? Purpose,
    Guid? ParentId,
    DateOnly StartDate,
    DateOnly? TargetDate,
    double WeeklyCapacityHours,
    bool NoPreparationNeeded,
    MeasureResponse? Measure,
    GoalStatus Status,
    CircleRole Role,
    DateTimeOffset CreatedAt);
