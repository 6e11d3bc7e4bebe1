using Receta.Core.Circle;
using Receta.Core.Progress;
using Receta.Data;
using Receta.Web.Features.Progress;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Roadmap;
using Receta.Web.Features.Work;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Dashboard;

/// <summary>
/// Every goal of the caller, own and shared, as of a day (their today by default): the recipe at a
/// glance. Each card is put together from the same handlers the goal's own views answer with, so
/// the dashboard page, <c>GET /api/v1/dashboard</c> and the CLI's <c>status</c> show the same numbers.
/// </summary>
public static class GetDashboard
{
    /// <summary>
    /// One goal's card; <paramref name="Habits"/> are those due on <paramref name="Today"/> (not excused by a skip or a
    /// break), and <paramref name="CanEdit"/> says whether the caller may log and tick on it.
    /// </summary>
    public sealed record Card(
        GoalResponse Goal,
        ProgressReport Progress,
        RoadmapItem? NextMilestone,
        IReadOnlyList<HabitResponse> Habits,
        RecipeResponse Recipe,
        bool CanEdit,
        DateOnly Today);

    public static async Task<IReadOnlyList<Card>> HandleAsync(
        CurrentUser user, DateOnly asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache, CancellationToken cancellationToken)
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
            var progress = await GetProgress.HandleAsync(readable, asOf, db, histories, cache);
            var roadmap = await GetRoadmap.HandleAsync(readable, asOf, db, histories, cache);
            var activeDays = await histories.GetBreaksAsync(readable.Goal, db);
            var habits = (await HabitViews.ForGoalAsync(readable, asOf, db, histories)).Where(h => !HabitViews.IsExcused(h, asOf, activeDays)).ToList();
            var recipe = await GetRecipeScore.HandleAsync(readable, asOf, db, histories, cache);
            cards.Add(new Card(
                goal,
                progress,
                roadmap.Items.FirstOrDefault(i => i.Id == roadmap.Next),
                habits,
                recipe,
                CirclePolicy.Allows(readable.Role, GoalAction.Edit),
                asOf));
        }
        return cards;
    }

    /// <summary>A card as the API answers it: a habit is checked when it has a check on the card's day.</summary>
    public static DashboardItem ToItem(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var progress = GetProgress.ToResponse(card.Progress);
        return new DashboardItem(
            card.Goal,
            card.Goal.Role,
            progress.Status,
            progress.PercentComplete,
            progress.BufferDays,
            progress.Forecast,
            card.NextMilestone is { } next ? new NextMilestone(next.Id, next.Title, next.DueDate) : null,
            card.Recipe.Score,
            [.. card.Habits.Select(h => new HabitDueToday(h.Id, h.Title, h.Checks.Contains(card.Today)))],
            progress.OnTimeProbability);
    }

    public static void Map(RouteGroupBuilder dashboard) =>
        dashboard.MapGet("/", async (CurrentUser user, string? asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache,
                CancellationToken cancellationToken) =>
            {
                var errors = new RequestErrors();
                var day = errors.QueryDate(asOf, "asOf") ?? user.Today;
                if (errors.Any)
                {
                    return errors.ToFailure().ToResult();
                }
                var cards = await HandleAsync(user, day, db, histories, cache, cancellationToken);
                return TypedResults.Ok(new DashboardResponse([.. cards.Select(ToItem)]));
            })
            .KeptUnderStamp()
            .Produces<DashboardResponse>()
            .WithDescription("Every goal the caller can read as of a day, as the dashboard shows it: status, percent, buffer days, forecast, next milestone, score and the habits due that day (a habit skipped that day, or in a break of its goal, is not due).");
}
