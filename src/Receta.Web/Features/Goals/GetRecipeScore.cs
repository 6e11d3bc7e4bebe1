using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Perseverance;
using Receta.Core.Purpose;
using Receta.Core.Scorecard;
using Receta.Data;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>The recipe scorecard: which of the six ingredients are in place, with a hint for each missing one.</summary>
public static class GetRecipeScore
{
    public static async Task<RecipeResponse> HandleAsync(
        GoalScope scope, DateOnly asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        return await cache.GetOrCreateAsync(goal, "recipe", asOf, async () =>
        {
            var owner = goal.OwnerId;
            var latestEntry = await db.Entries
                .Where(e => e.OwnerId == owner && e.GoalId == goal.Id && e.Date <= asOf)
                .MaxAsync(e => (DateOnly?)e.Date);
            var hasDatedMilestone = await db.Milestones
                .AnyAsync(m => m.OwnerId == owner && m.GoalId == goal.Id && m.DueDate != null);
            var skillCount = await db.Skills.CountAsync(s => s.OwnerId == owner && s.GoalId == goal.Id);
            var latestWork = await db.WorkSessions
                .Where(w => w.OwnerId == owner && w.GoalId == goal.Id && w.Date <= asOf)
                .MaxAsync(w => (DateOnly?)w.Date);
            var latestCheck = await db.HabitChecks
                .Where(c => c.OwnerId == owner && c.GoalId == goal.Id && c.Date <= asOf)
                .MaxAsync(c => (DateOnly?)c.Date);
            var attempts = await db.Attempts.AsNoTracking()
                .Where(a => a.OwnerId == owner && a.GoalId == goal.Id && a.Date <= asOf)
                .Select(a => new { a.Id, a.Date, a.Sequence, a.Outcome, a.Lesson })
                .ToListAsync();
            var achieved = goal.Status == GoalStatus.Achieved
                || (goal.Measure is not null && (await GetProgress.HandleAsync(scope, asOf, db, histories, cache)).Achieved);

            var facts = new ScorecardFacts(
                goal.Title, goal.Purpose, goal.Measure is not null, latestEntry, goal.TargetDate is not null,
                hasDatedMilestone, skillCount, goal.NoPreparationNeeded,
                Latest(latestWork, latestCheck),
                attempts.Select(a => new AttemptRecord(a.Id.ToString(), a.Date, a.Sequence, a.Outcome, a.Lesson)).ToList(),
                achieved);
            var score = RecipeScorecard.Evaluate(facts, asOf, await histories.GetBreaksAsync(goal, db));
            return new RecipeResponse(
                score.Score,
                score.Ingredients.Select(i => new IngredientResponse(i.Key, i.Satisfied, i.Satisfied ? null : Hint(i.Key))).ToList());
        });
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a > b || b is null ? a : b;

    private static string Hint(Ingredient ingredient) => ingredient switch
    {
        Ingredient.Purpose => "Write down why this goal matters to you: your purpose.",
        Ingredient.Distance => "Give the goal a measure and log where you stand at least once a month.",
        Ingredient.Roadmap => "Set a target date and add a milestone with a due date.",
        Ingredient.Preparation => "List a skill you need to learn, or mark the goal as needing no preparation.",
        Ingredient.Work => "Log a work session or tick a habit this week.",
        Ingredient.Perseverance => "Write the lesson of each failed attempt, and try again.",
        _ => throw new ArgumentOutOfRangeException(nameof(ingredient), ingredient, null),
    };

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/recipe", async (GoalScope scope, string? asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache) =>
                await AsOfView.ServeAsync(asOf, scope, day => HandleAsync(scope, day, db, histories, cache)))
            .Requires(GoalAction.Read)
            .Produces<RecipeResponse>()
            .WithDescription("The recipe scorecard as of a day: which of the six ingredients are in place, with a hint for each missing one.");
}
