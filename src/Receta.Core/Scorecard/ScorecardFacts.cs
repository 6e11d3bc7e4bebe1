using Receta.Core.Perseverance;

namespace Receta.Core.Scorecard;

/// <summary>What the scorecard looks at, gathered by the caller as of a day.</summary>
/// <param name="Title">The goal's title.</param>
/// <param name="Purpose">The goal's purpose, its why.</param>
/// <param name="HasMeasure">The goal has a measure.</param>
/// <param name="LatestEntryDate">The latest entry date on or before the as-of day, or null.</param>
/// <param name="HasTargetDate">The goal has a target date.</param>
/// <param name="HasMilestoneWithDueDate">At least one milestone has a due date.</param>
/// <param name="SkillCount">Skills listed for the goal.</param>
/// <param name="NoPreparationNeeded">The user marked the goal as needing no preparation.</param>
/// <param name="LatestWorkOrCheckDate">The latest work session or habit check date on or before the as-of day, or null.</param>
/// <param name="Attempts">The goal's attempts dated on or before the as-of day (later ones are ignored).</param>
/// <param name="GoalAchieved">The goal's status is achieved, or its measure is achieved as of the day.</param>
public sealed record ScorecardFacts(
    string Title,
    string? Purpose,
    bool HasMeasure,
    DateOnly? LatestEntryDate,
    bool HasTargetDate,
    bool HasMilestoneWithDueDate,
    int SkillCount,
    bool NoPreparationNeeded,
    DateOnly? LatestWorkOrCheckDate,
    IReadOnlyList<AttemptRecord> Attempts,
    bool GoalAchieved);
