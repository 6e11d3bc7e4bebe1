namespace Receta.Core.Perseverance;

/// <summary>Comebacks and lessons applied: recipe.md "Comebacks and lessons applied (ingredient 6)".</summary>
public static class Comebacks
{
    /// <summary>
    /// Measures the comeback after each failed attempt of <paramref name="numbered"/> (in number order,
    /// as <see cref="AttemptLedger.Number"/> gives them) and gathers the items of
    /// <paramref name="applied"/> under the attempt whose lesson they apply, ordered by creation. Items
    /// naming an attempt not among <paramref name="numbered"/> (not dated yet as of the day looked at)
    /// are left out.
    /// </summary>
    public static ComebackStatistics Measure(IReadOnlyList<NumberedAttempt> numbered, IEnumerable<AppliedItem> applied)
    {
        ArgumentNullException.ThrowIfNull(numbered);
        ArgumentNullException.ThrowIfNull(applied);
        var byAttempt = applied
            .OrderBy(a => a.Sequence)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToLookup(a => a.AttemptId, StringComparer.Ordinal);
        var items = numbered.Select((attempt, index) => new AttemptComeback(
            attempt,
            ComebackDays(attempt, index + 1 < numbered.Count ? numbered[index + 1] : null),
            byAttempt[attempt.Attempt.Id].ToList())).ToList();
        var lessonsApplied = items.Count(i => i.Attempt.Attempt.Outcome == AttemptOutcome.Failed && i.AppliedIn.Count > 0);
        return new ComebackStatistics(items, Median(items.Where(i => i.ComebackDays is not null).Select(i => i.ComebackDays!.Value)), lessonsApplied);
    }

    /// <summary>
    /// The median of <paramref name="days"/>: the middle value, or the mean of the middle two for an
    /// even count; null when there is none.
    /// </summary>
    public static double? Median(IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var sorted = days.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        // Added as doubles: two day counts near int.MaxValue must not overflow.
        return sorted.Count % 2 == 1 ? sorted[middle] : ((double)sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int? ComebackDays(NumberedAttempt attempt, NumberedAttempt? next) =>
        attempt.Attempt.Outcome == AttemptOutcome.Failed && next is not null
            ? next.Attempt.Date.DayNumber - attempt.Attempt.Date.DayNumber
            : null;
}
