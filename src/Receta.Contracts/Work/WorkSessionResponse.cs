namespace Receta.Contracts;

/// <summary>A logged work session.</summary>
public sealed record WorkSessionResponse(Guid Id, DateOnly Date, int Minutes, string? Note, Guid? MilestoneId, Guid? SkillId, DateTimeOffset CreatedAt);
