namespace Receta.Core.Perseverance;

/// <summary>Numbers a goal's attempts: recipe.md §6.</summary>
public static class AttemptLedger
{
    /// <summary>
    /// Numbers <paramref name="attempts"/> 1, 2, ... in date order (same date: creation order, then id)
    /// and counts them by outcome.
    /// </summary>
    public static AttemptStatistics Number(IEnumerable<AttemptRecord> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var items = attempts
            .OrderBy(a => a.Date)
            .ThenBy(a => a.Sequence)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select((attempt, index) => new NumberedAttempt(attempt, index + 1))
            .ToList();
        var succeeded = items.Count(i => i.Attempt.Outcome == AttemptOutcome.Succeeded);
        var failed = items.Count(i => i.Attempt.Outcome == AttemptOutcome.Failed);
        var pending = items.Count(i => i.Attempt.Outcome == AttemptOutcome.Pending);
        var firstSuccess = items.FirstOrDefault(i => i.Attempt.Outcome == AttemptOutcome.Succeeded)?.Number;
        return new AttemptStatistics(items, items.Count, succeeded, failed, pending, firstSuccess);
    }
}
