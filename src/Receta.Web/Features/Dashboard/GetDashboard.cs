using Receta.Core.Circle;
using Receta.Core.Progress;
using Receta.Data;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Progress;
using Receta.Web.Features.Roadmap;
using Receta.Web.Features.Work;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Dashboard;

/// <summary>
/// Every goal of the caller, own and shared, as of their today: the recipe at a glance. Each card
/// is put together from the same handlers the API answers with, so the numbers are the API's.
/// </summary>
public static class GetDashboard
{
    /// <summary>One goal's card; <paramref name="CanEdit"/> says whether the caller may log and tick on it.</summary>
    public sealed record Card(
        GoalResponse Goal,
        ProgressReport Progress,
        GetRoadmap.Item? NextMilestone,
        IReadOnlyList<HabitView> Habits,
        GetRecipeScore.Response Recipe,
        bool CanEdit,
        DateOnly Today);

    public static async Task<IReadOnlyList<Card>> HandleAsync(
        CurrentUser user, RecetaDbContext db, MeasureHistories histories, GoalViewCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var goals = await ListGoals.HandleAsync(user, new PageRequest(PageRequest.MaxLimit, null), db);
        var cards = new List<Card>();
        foreach (var goal in goals.Value?.Items ?? [])
        {
            var scope = await GoalScope.LoadAsync(user, goal.Id.ToString(), GoalAction.Read, db, cancellationToken);
            if (scope.Value is not { } readable)
            {
                continue;
            }
            var today = user.Today;
            var progress = await GetProgress.HandleAsync(readable, today, db, histories, cache);
            var roadmap = await GetRoadmap.HandleAsync(readable, today, db, cache);
            var habits = await HabitView.ForGoalAsync(readable, today, db);
            var recipe = await GetRecipeScore.HandleAsync(readable, today, db, histories, cache);
            cards.Add(new Card(
                goal,
                progress,
                roadmap.Items.FirstOrDefault(i => i.Id == roadmap.Next),
                habits,
                recipe,
                CirclePolicy.Allows(readable.Role, GoalAction.Edit),
                today));
        }
        return cards;
    }
}
