namespace Receta.Importing;

/// <summary>
/// What a reader found in one file, in Receta's terms and nothing written yet: the goals with what
/// lies under them, work that finds its goal by a tag, and the problems met on the way. Keys are the
/// source's own identities (a Loop habit's uuid, a Beeminder datapoint's id), unique within the file
/// for each kind of item, so that importing the same file again finds what came in the first time.
/// </summary>
public sealed class ImportBundle
{
    public List<ImportedGoal> Goals { get; } = [];

    /// <summary>Work sessions whose goal is the one titled like one of their tags (Timewarrior).</summary>
    public List<TaggedWork> TaggedWork { get; } = [];

    public ImportProblems Problems { get; } = new();

    /// <summary>
    /// True when the file holds no goal of its own (an entries CSV, a bare Beeminder datapoints
    /// array): its one goal in <see cref="Goals"/> only carries the items, and the import must name
    /// the account's goal that receives them.
    /// </summary>
    public bool NeedsGoal { get; set; }
}

/// <summary>
/// A goal as the source describes it. When the import names a goal of the account, only what lies
/// under this one is written, into that goal; its own fields are then not used.
/// </summary>
public sealed class ImportedGoal
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public string? Purpose { get; init; }
    public ImportedMeasure? Measure { get; init; }

    /// <summary>The first day; the day of the import when the source gives none.</summary>
    public DateOnly? StartDate { get; init; }

    public DateOnly? TargetDate { get; init; }

    /// <summary>The key of the goal this one is a step of, another goal of the same file (a Receta export).</summary>
    public string? ParentKey { get; init; }

    public Receta.Core.Purpose.GoalStatus Status { get; init; }

    /// <summary>The id the goal's forecast was seeded from where it was made (a Receta export); null for other sources.</summary>
    public Guid? SeedId { get; init; }

    /// <summary>Hours a week the owner can give it; Receta's default when null.</summary>
    public double? WeeklyCapacityHours { get; init; }

    public bool NoPreparationNeeded { get; init; }

    public List<ImportedHabit> Habits { get; } = [];
    public List<ImportedEntry> Entries { get; } = [];
    public List<ImportedMilestone> Milestones { get; } = [];
    public List<ImportedWorkSession> Work { get; } = [];
    public List<ImportedSkill> Skills { get; } = [];
    public List<ImportedAttempt> Attempts { get; } = [];
    public List<ImportedBreak> Breaks { get; } = [];
}

/// <summary>A goal's measure (recipe.md, ingredient 2): where it starts, where it ends, how entries add up.</summary>
public sealed record ImportedMeasure(string Unit, double Start, double Target, Receta.Core.Purpose.Aggregation Aggregation);

/// <summary>
/// A habit: <see cref="Times"/> in every <see cref="PerDays"/> days (1 ≤ times ≤ perDays ≤ 31), and
/// the local dates it was done or excused. A date is in at most one of the two lists.
/// </summary>
public sealed class ImportedHabit
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public required int Times { get; init; }
    public required int PerDays { get; init; }
    public List<DateOnly> Checks { get; } = [];
    public List<DateOnly> Skips { get; } = [];
}

/// <summary>Where the measure stood, or what was added, on a local date.</summary>
public sealed record ImportedEntry(string Key, DateOnly Date, double? Value, string? Note);

/// <summary>
/// A step of the roadmap. <see cref="DependsOn"/> holds the keys of other milestones of the same
/// file; it is done, on <see cref="CompletedOn"/>, when that is set.
/// </summary>
public sealed class ImportedMilestone
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public DateOnly? DueDate { get; init; }
    public double? TargetValue { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public List<string> DependsOn { get; } = [];
    public double EstimateHours { get; init; }

    /// <summary>The key of the attempt of the same goal whose lesson this applies.</summary>
    public string? FromAttemptKey { get; init; }

    /// <summary>Its place in the order the goal's skills and milestones were made where it comes from (an attempt lists the ones applying its lesson in that order).</summary>
    public long? Order { get; init; }
}

/// <summary>Time spent on a local date, in whole minutes from 1 to 1,440, on a milestone or a skill of the same goal when their keys are given.</summary>
public sealed record ImportedWorkSession(string Key, DateOnly Date, int Minutes, string? Note, string? MilestoneKey = null, string? SkillKey = null);

/// <summary>A skill to prepare (ingredient 4): levels 0–5 and the resources that teach it.</summary>
public sealed record ImportedSkill(
    string Key, string Name, int Level, int TargetLevel, IReadOnlyList<ImportedResource> Resources, string? FromAttemptKey, long? Order = null);

public sealed record ImportedResource(string Title, string? Url, bool Done);

/// <summary>A try at a gate (ingredient 6) and what it taught.</summary>
public sealed record ImportedAttempt(string Key, string Title, DateOnly Date, Receta.Core.Perseverance.AttemptOutcome Outcome, string? Feedback, string? Lesson);

/// <summary>Time off from the goal, <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record ImportedBreak(string Key, DateOnly From, DateOnly To, string? Note);

/// <summary>
/// A work session and the tags that name its goal, compared without regard to case. <see cref="Interval"/> is
/// the key of the interval it is a piece of: the pieces of one interval (one for each local day) share it.
/// </summary>
public sealed record TaggedWork(IReadOnlyList<string> Tags, ImportedWorkSession Session, string Interval);
