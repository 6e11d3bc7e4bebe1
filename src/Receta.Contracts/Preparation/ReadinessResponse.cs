namespace Receta.Contracts;

/// <summary>Readiness (0–100, rounded to one decimal) and the skills behind it.</summary>
public sealed record ReadinessResponse(double Readiness, IReadOnlyList<SkillResponse> Items);
