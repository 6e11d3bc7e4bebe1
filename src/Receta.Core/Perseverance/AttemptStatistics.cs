namespace Receta.Core.Perseverance;

/// <summary>A goal's attempts, numbered, and what they add up to.</summary>
/// <param name="Items">Every attempt with its number, in number order.</param>
/// <param name="Total">All attempts.</param>
/// <param name="Succeeded">Attempts that succeeded.</param>
/// <param name="Failed">Attempts that failed.</param>
/// <param name="Pending">Attempts not decided yet.</param>
/// <param name="AttemptsToFirstSuccess">The number of the first succeeded attempt, or null when none succeeded.</param>
public sealed record AttemptStatistics(
    IReadOnlyList<NumberedAttempt> Items, int Total, int Succeeded, int Failed, int Pending, int? AttemptsToFirstSuccess);
