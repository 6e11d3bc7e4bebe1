using Receta.Core.Perseverance;

namespace Receta.Contracts;

/// <summary>An attempt, numbered 1, 2, ... in date order among the goal's attempts.</summary>
public sealed record AttemptResponse(
    Guid Id,
    int Number,
    string Title,
    DateOnly Date,
    AttemptOutcome Outcome,
    string? Feedback,
    string? Lesson,
    DateTimeOffset CreatedAt);
