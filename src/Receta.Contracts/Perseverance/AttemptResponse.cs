using Receta.Core.Perseverance;

namespace Receta.Contracts;

/// <summary>
/// An attempt, numbered 1, 2, ... in date order among the goal's attempts; <c>appliedIn</c> lists the
/// skills and milestones that apply its lesson (in creation order), and <c>comebackDays</c> the days
/// from a failed attempt to the next-numbered one (null when it did not fail or none came yet).
/// </summary>
public sealed record AttemptResponse(
    Guid Id,
    int Number,
    string Title,
    DateOnly Date,
    AttemptOutcome Outcome,
    string? Feedback,
    string? Lesson,
    DateTimeOffset CreatedAt,
    IReadOnlyList<AppliedItemResponse> AppliedIn,
    int? ComebackDays);

/// <summary>A skill or a milestone that applies an attempt's lesson.</summary>
public sealed record AppliedItemResponse(AppliedKind Kind, Guid Id);
