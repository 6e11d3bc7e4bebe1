namespace Receta.Contracts;

/// <summary>
/// An import (connections.md §1): <c>status</c> is <c>queued</c>, <c>running</c>, <c>succeeded</c> or
/// <c>failed</c>; <c>created</c> counts what it made (a dry run: what it would make), <c>skipped</c> what
/// was there already or left out, and <c>errors</c> (the first 20) name the place in the file.
/// </summary>
public sealed record ImportResponse(
    Guid Id,
    string Format,
    string Status,
    bool DryRun,
    Guid? GoalId,
    string? FileName,
    ImportProgress Progress,
    ImportCreated Created,
    ImportSkipped Skipped,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ImportProblem> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>Items of the file handled so far, of <c>total</c> (0 while not yet known).</summary>
public sealed record ImportProgress(long Done, long Total);

public sealed record ImportCreated(
    long Goals,
    long Habits,
    long Checks,
    long Skips,
    long Entries,
    long Milestones,
    long WorkSessions,
    long Attempts,
    long Skills,
    long Breaks);

/// <summary><c>duplicates</c>: already there from an earlier import of the same source; <c>ignored</c>: left out on purpose, each kind named in a warning.</summary>
public sealed record ImportSkipped(long Duplicates, long Ignored);

/// <summary>A problem of the file: <c>where</c> names file, line or record, and field.</summary>
public sealed record ImportProblem(string Where, string Message);
