using System.ComponentModel.DataAnnotations;
using Receta.Core.Roadmap;

namespace Receta.Contracts;

/// <summary>
/// The writable fields of a milestone, as sent to create one or as a merge patch leaves them;
/// <c>fromAttemptId</c> names the attempt of the same goal whose lesson the milestone applies.
/// </summary>
public sealed record MilestoneFields(
    [property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Title,
    DateOnly? DueDate = null,
    [property: Range(0, ApiLimits.MaxMagnitude)] double? EstimateHours = null,
    [property: Range(ApiLimits.MinNumber, ApiLimits.MaxMagnitude)] double? TargetValue = null,
    IReadOnlyList<string>? DependsOn = null,
    MilestoneStatus? Status = null,
    DateOnly? CompletedOn = null,
    [property: StringLength(36)] string? FromAttemptId = null);
