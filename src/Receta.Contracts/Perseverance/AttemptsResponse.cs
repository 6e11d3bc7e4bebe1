namespace Receta.Contracts;

/// <summary>
/// The attempts of a goal as of a day, with their counts; <c>attemptsToFirstSuccess</c> is null before
/// one, <c>medianComebackDays</c> is null before a failed attempt is followed by another, and
/// <c>lessonsApplied</c> counts the failed attempts whose lesson a skill or milestone applies.
/// </summary>
public sealed record AttemptsResponse(
    IReadOnlyList<AttemptResponse> Items,
    int Total,
    int Succeeded,
    int Failed,
    int Pending,
    int? AttemptsToFirstSuccess,
    double? MedianComebackDays,
    int LessonsApplied);
