namespace Receta.Core.Perseverance;

/// <summary>An attempt with its number: 1 for the first try.</summary>
/// <param name="Attempt">The attempt.</param>
/// <param name="Number">1, 2, ... in date order, same date by creation.</param>
public sealed record NumberedAttempt(AttemptRecord Attempt, int Number);
