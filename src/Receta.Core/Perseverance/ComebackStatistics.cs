namespace Receta.Core.Perseverance;

/// <summary>How a goal's attempts were followed up: comebacks after failures and lessons put to use.</summary>
/// <param name="Items">Every attempt in number order, with its comeback and what its lesson became.</param>
/// <param name="MedianComebackDays">
/// The median of the non-null comeback days (the mean of the middle two for an even count); null when none.
/// </param>
/// <param name="LessonsApplied">Failed attempts whose lesson at least one skill or milestone applies.</param>
public sealed record ComebackStatistics(IReadOnlyList<AttemptComeback> Items, double? MedianComebackDays, int LessonsApplied);
