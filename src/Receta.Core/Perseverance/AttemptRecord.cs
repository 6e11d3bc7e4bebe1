namespace Receta.Core.Perseverance;

/// <summary>One try at a gated outcome: an application, an exam, an audition, a race.</summary>
/// <param name="Id">Unique within the goal.</param>
/// <param name="Date">The day of the attempt.</param>
/// <param name="Sequence">Creation order: orders same-date attempts.</param>
/// <param name="Outcome">How it turned out.</param>
/// <param name="Lesson">The lesson taken from it, if written.</param>
public sealed record AttemptRecord(string Id, DateOnly Date, long Sequence, AttemptOutcome Outcome, string? Lesson);
