namespace Receta.Contracts;

/// <summary>A skill, its <c>gap</c> to the target level, its resources, and the attempt whose lesson it applies (or null).</summary>
public sealed record SkillResponse(
    Guid Id, string Name, int Level, int TargetLevel, int Gap, IReadOnlyList<ResourceResponse> Resources, Guid? FromAttemptId);

/// <summary>A resource of a skill.</summary>
public sealed record ResourceResponse(string Title, string? Url, bool Done);
