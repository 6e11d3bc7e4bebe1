using System.ComponentModel.DataAnnotations;
using Receta.Core.Purpose;

namespace Receta.Contracts;

/// <summary>
/// The writable fields of a goal, as a client sends them to create one or as a merge patch leaves
/// them. Only <c>title</c> is required; <c>startDate</c> defaults to today, <c>weeklyCapacityHours</c> to 5.
/// </summary>
public sealed record GoalFields(
    [property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Title,
    [property: StringLength(ApiLimits.MaxTextLength)] string? Purpose = null,
    [property: StringLength(36)] string? ParentId = null,
    DateOnly? StartDate = null,
    DateOnly? TargetDate = null,
    [property: Range(0, ApiLimits.MaxWeeklyCapacityHours)] double? WeeklyCapacityHours = null,
    bool? NoPreparationNeeded = null,
    MeasureFields? Measure = null,
    GoalStatus? Status = null);
