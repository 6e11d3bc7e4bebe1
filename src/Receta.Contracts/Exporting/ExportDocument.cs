using Receta.Core.Perseverance;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;

namespace Receta.Contracts;

/// <summary>
/// Everything an account owns, as <c>GET /export</c> gives it (connections.md §2): <c>format</c> is
/// <c>receta-export</c>, <c>version</c> 1. Importing it (<c>receta-json</c>) into another account gives
/// the same answer from every computed view of every goal, for every <c>asOf</c>. Ids are the
/// exporting server's; an import gives new ones and keeps every link between them.
/// </summary>
public sealed record ExportDocument(
    string Format,
    int Version,
    DateTimeOffset ExportedAt,
    ExportAccount Account,
    IReadOnlyList<ExportGoal> Goals)
{
    public const string FormatName = "receta-export";
    public const int CurrentVersion = 1;
}

public sealed record ExportAccount(string DisplayName, string TimeZone, string? Language);

/// <summary>
/// A goal and everything under it. Entries and work sessions come in the order they were made on each
/// date; milestones and skills carry <c>sequence</c>, the order they were made in among both kinds. <c>seedId</c>, when not the goal's own id, is the id its forecast is seeded from (the id it had
/// on the server where it was made), so that the forecast answers the same after an import.
/// </summary>
public sealed record ExportGoal(
    Guid Id,
    Guid SeedId,
    Guid? ParentId,
    string Title,
    string? Purpose,
    DateOnly StartDate,
    DateOnly? TargetDate,
    double WeeklyCapacityHours,
    GoalStatus Status,
    bool NoPreparationNeeded,
    MeasureFields? Measure,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ExportEntry> Entries,
    IReadOnlyList<ExportMilestone> Milestones,
    IReadOnlyList<ExportSkill> Skills,
    IReadOnlyList<ExportWorkSession> WorkSessions,
    IReadOnlyList<ExportHabit> Habits,
    IReadOnlyList<ExportAttempt> Attempts,
    IReadOnlyList<ExportBreak> Breaks,
    IReadOnlyList<ExportCheer> Cheers);

public sealed record ExportEntry(Guid Id, DateOnly Date, double? Value, string? Note, DateTimeOffset CreatedAt);

public sealed record ExportMilestone(
    Guid Id,
    string Title,
    DateOnly? DueDate,
    double EstimateHours,
    double? TargetValue,
    IReadOnlyList<Guid> DependsOn,
    MilestoneStatus Status,
    DateOnly? CompletedOn,
    Guid? FromAttemptId,
    long Sequence,
    DateTimeOffset CreatedAt);

public sealed record ExportSkill(Guid Id, string Name, int Level, int TargetLevel, IReadOnlyList<ResourceFields> Resources, Guid? FromAttemptId, long Sequence, DateTimeOffset CreatedAt);

public sealed record ExportWorkSession(Guid Id, DateOnly Date, int Minutes, string? Note, Guid? MilestoneId, Guid? SkillId);

public sealed record ExportHabit(Guid Id, string Title, int Times, int PerDays, IReadOnlyList<DateOnly> Checks, IReadOnlyList<DateOnly> Skips);

public sealed record ExportAttempt(Guid Id, string Title, DateOnly Date, AttemptOutcome Outcome, string? Feedback, string? Lesson);

public sealed record ExportBreak(Guid Id, DateOnly From, DateOnly To, string? Note);

/// <summary>A cheer from the circle, with its author's name as it was then.</summary>
public sealed record ExportCheer(string Author, string Message, DateTimeOffset CreatedAt);
