using Receta.Core.Breaks;
using Receta.Core.Perseverance;

namespace Receta.Core.Scorecard;

/// <summary>Which ingredients of the recipe a goal has in place: "The recipe scorecard" of recipe.md.</summary>
public static class RecipeScorecard
{
    /// <summary>Active days, the as-of day included, that still count for distance: an entry from a − 29 to a without breaks.</summary>
    public const int DistanceWindowDays = 30;

    /// <summary>Active days, the as-of day included, that still count for work: a session or check from a − 6 to a without breaks.</summary>
    public const int WorkWindowDays = 7;

    /// <summary>
    /// Checks the six ingredients as of <paramref name="asOf"/>, in recipe order. The windows of distance and work
    /// reach back over breaks: they start on the 30th and the 7th most recent active day on or before the day.
    /// </summary>
    public static RecipeScore Evaluate(ScorecardFacts facts, DateOnly asOf, ActiveDays? activeDays = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(facts.Attempts);
        var active = activeDays ?? ActiveDays.None;
        IReadOnlyList<IngredientCheck> checks =
        [
            new(Ingredient.Purpose, !string.IsNullOrWhiteSpace(facts.Title) && !string.IsNullOrWhiteSpace(facts.Purpose)),
            new(Ingredient.Distance, facts.HasMeasure && Within(facts.LatestEntryDate, asOf, active.NthMostRecent(asOf, DistanceWindowDays))),
            new(Ingredient.Roadmap, facts.HasTargetDate && facts.HasMilestoneWithDueDate),
            new(Ingredient.Preparation, facts.SkillCount > 0 || facts.NoPreparationNeeded),
            new(Ingredient.Work, Within(facts.LatestWorkOrCheckDate, asOf, active.NthMostRecent(asOf, WorkWindowDays))),
            new(Ingredient.Perseverance, Perseveres(facts.Attempts.Where(a => a.Date <= asOf), facts.GoalAchieved)),
        ];
        return new RecipeScore(checks.Count(c => c.Satisfied), checks);
    }

    private static bool Within(DateOnly? day, DateOnly asOf, DateOnly earliest) =>
        day is { } d && d <= asOf && d >= earliest;

    // Every failed attempt has a lesson and, unless the goal is achieved, the latest failure was followed by another try.
    private static bool Perseveres(IEnumerable<AttemptRecord> attempts, bool goalAchieved)
    {
        var numbered = AttemptLedger.Number(attempts).Items;
        var failures = numbered.Where(n => n.Attempt.Outcome == AttemptOutcome.Failed).ToList();
        if (failures.Any(f => string.IsNullOrWhiteSpace(f.Attempt.Lesson)))
        {
            return false;
        }
        return goalAchieved || failures.Count == 0 || numbered[^1].Number > failures[^1].Number;
    }
}
