using Receta.Cli.Api;
using Receta.Cli.Commands;

namespace Receta.Cli.Status;

/// <summary>
/// TEMPORARY, to delete once <c>GET /api/v1/dashboard</c> is on main: the dashboard's rows put
/// together from <c>GET /goals</c> and, per goal, <c>/progress</c>, <c>/roadmap</c>, <c>/recipe</c>
/// and <c>/habits</c>, in the shape the endpoint answers (api.md "The dashboard").
/// </summary>
public static class DashboardFromViews
{
    public static async Task<DashboardResponse> AssembleAsync(CliSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var items = new List<DashboardItem>();
        foreach (var (goal, _) in await GoalsCommand.ListAsync(session, cancellationToken))
        {
            var path = Names.GoalPath(goal.Id.ToString());
            var (progress, _) = await session.GetAsync($"{path}/progress", CliJsonContext.Default.ProgressResponse, cancellationToken);
            var (roadmap, _) = await session.GetAsync($"{path}/roadmap", CliJsonContext.Default.RoadmapResponse, cancellationToken);
            var (recipe, _) = await session.GetAsync($"{path}/recipe", CliJsonContext.Default.RecipeResponse, cancellationToken);
            var (habits, _) = await session.GetAsync($"{path}/habits", CliJsonContext.Default.HabitListResponse, cancellationToken);
            var next = roadmap.Items.FirstOrDefault(i => i.Id == roadmap.Next);
            items.Add(new DashboardItem(
                goal, goal.Role, progress.Status, progress.PercentComplete, progress.BufferDays, progress.Forecast,
                next is null ? null : new DashboardNext(next.Id, next.Title, next.DueDate),
                recipe.Score,
                habits.Items.Select(h => new DashboardHabit(h.Id, h.Title, h.Checks.Contains(progress.AsOf))).ToList()));
        }
        return new DashboardResponse(items);
    }
}
