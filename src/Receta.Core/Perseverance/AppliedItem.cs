namespace Receta.Core.Perseverance;

/// <summary>A skill or a milestone that applies the lesson of one attempt.</summary>
/// <param name="Kind">A skill or a milestone.</param>
/// <param name="Id">The skill's or milestone's id.</param>
/// <param name="Sequence">Creation order, shared by skills and milestones of a goal: orders an attempt's items.</param>
/// <param name="AttemptId">The attempt whose lesson it applies.</param>
public sealed record AppliedItem(AppliedKind Kind, string Id, long Sequence, string AttemptId);
