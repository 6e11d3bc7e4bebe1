using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// The writable fields of a skill: levels are whole numbers from 0 to 5; <c>fromAttemptId</c> names
/// the attempt of the same goal whose lesson the skill applies.
/// </summary>
public sealed record SkillFields(
    [property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Name,
    [property: Range(0, ApiLimits.MaxSkillLevel)] int? Level,
    [property: Range(0, ApiLimits.MaxSkillLevel)] int? TargetLevel,
    IReadOnlyList<ResourceFields>? Resources = null,
    [property: StringLength(36)] string? FromAttemptId = null);
