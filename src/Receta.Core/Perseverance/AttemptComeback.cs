namespace Receta.Core.Perseverance;

/// <summary>A numbered attempt with what came after it.</summary>
/// <param name="Attempt">The attempt and its number.</param>
/// <param name="ComebackDays">
/// For a failed attempt, the days from its date to the date of the next-numbered attempt (0 when both
/// are on one day); null when it did not fail or no later attempt exists yet.
/// </param>
/// <param name="AppliedIn">The skills and milestones that apply its lesson, in creation order.</param>
public sealed record AttemptComeback(NumberedAttempt Attempt, int? ComebackDays, IReadOnlyList<AppliedItem> AppliedIn);
