namespace Receta.Contracts;

/// <summary>The attempts of a goal as of a day, with their counts; <c>attemptsToFirstSuccess</c> is null before one.</summary>
public sealed record AttemptsResponse(
    IReadOnlyList<AttemptResponse> Items,
    int Total,
    int Succeeded,
    int Failed,
    int Pending,
    int? AttemptsToFirstSuccess);
