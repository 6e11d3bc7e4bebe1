using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>Minutes of work on a day, optionally toward a milestone or a skill of the goal.</summary>
public sealed record LogWorkRequest(
    DateOnly? Date,
    [property: Range(1, ApiLimits.MaxWorkMinutes)] int? Minutes,
    [property: StringLength(ApiLimits.MaxTextLength)] string? Note = null,
    [property: StringLength(36)] string? MilestoneId = null,
    [property: StringLength(36)] string? SkillId = null);
