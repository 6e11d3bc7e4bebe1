namespace Receta.Data.Importing;

/// <summary>
/// One import of a file into an account (connections.md §1): what was asked, how far it got and
/// what it found. Written when the upload arrives and again when it ends; the items it created
/// are committed in the same transaction as its success, so a failed or interrupted import leaves
/// nothing but this record.
/// </summary>
public sealed class ImportJob
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public required string Format { get; set; }
    public ImportStatus Status { get; set; }
    public bool DryRun { get; set; }

    /// <summary>The goal that receives everything, when the import names one; it may be another owner's goal the account may edit.</summary>
    public Guid? GoalId { get; set; }

    public string? FileName { get; set; }
    public long FileBytes { get; set; }

    /// <summary>Items of the file handled so far, of <see cref="Total"/> (0 while unknown).</summary>
    public long Done { get; set; }

    public long Total { get; set; }

    public ImportCounts Created { get; set; } = new();

    /// <summary>Items already there from an earlier import of the same source.</summary>
    public long Duplicates { get; set; }

    /// <summary>Items left out on purpose (derived days, templates, a running interval…).</summary>
    public long Ignored { get; set; }

    /// <summary>
    /// What was read differently or left out, in the language of the request that started the
    /// import (English, Spanish or Portuguese), as it was written then: a reader in another language reads them so.
    /// </summary>
    public List<string> Warnings { get; set; } = [];

    /// <summary>Why the import failed, in the language of the request that started it, like <see cref="Warnings"/>.</summary>
    public List<ImportJobError> Errors { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the record last changed; a running import that stops changing has lost its node.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>How many of each kind an import created (or, for a dry run, would create).</summary>
public sealed class ImportCounts
{
    public long Goals { get; set; }
    public long Habits { get; set; }
    public long Checks { get; set; }
    public long Skips { get; set; }
    public long Entries { get; set; }
    public long Milestones { get; set; }
    public long WorkSessions { get; set; }
    public long Attempts { get; set; }
    public long Skills { get; set; }
    public long Breaks { get; set; }
}

/// <summary>An error of the file, with the place: file, line or record, and field.</summary>
public sealed class ImportJobError
{
    public required string Where { get; set; }
    public required string Message { get; set; }
}
