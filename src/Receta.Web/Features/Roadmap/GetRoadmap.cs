using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

public static class GetRoadmap
{
    public static async Task<RoadmapResponse> HandleAsync(GoalScope scope, DateOnly asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        var goal = scope.Goal;
        return await cache.GetOrCreateAsync(goal, "roadmap", asOf, async () =>
        {
            var milestones = await db.Milestones.AsNoTracking()
                .Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id).ToListAsync();
            var minutesByMilestone = await db.WorkSessions
                .Where(w => w.OwnerId == goal.OwnerId && w.GoalId == goal.Id && w.MilestoneId != null && w.Date <= asOf)
                .GroupBy(w => w.MilestoneId!.Value)
                .Select(g => new { MilestoneId = g.Key, Minutes = g.Sum(w => w.Minutes) })
                .ToDictionaryAsync(g => g.MilestoneId, g => g.Minutes);

            var plans = milestones.Select(m => new MilestonePlan(
                m.Id.ToString(), m.Title, m.DueDate, m.EstimateHours, m.Sequence,
                m.DependsOn.Select(d => d.ToString()).ToList(),
                m.Status == MilestoneStatus.Done ? m.CompletedOn : null,
                minutesByMilestone.GetValueOrDefault(m.Id) / 60.0)).ToList();
            var schedule = RoadmapScheduler.Schedule(plans, goal.WeeklyCapacityHours, asOf, await histories.GetBreaksAsync(goal, db));

            var byId = milestones.ToDictionary(m => m.Id.ToString());
            return new RoadmapResponse(
                schedule.Next is { } next ? Guid.Parse(next) : null,
                schedule.ProjectedFinish,
                schedule.Items.Select(i =>
                {
                    var stored = byId[i.Id];
                    return new RoadmapItem(stored.Id, i.Title, i.Status, i.DueDate, i.RemainingHours, i.ProjectedStart,
                        i.ProjectedFinish, i.Late, i.BlockedBy.Select(Guid.Parse).ToList(), i.CompletedOn,
                        stored.EstimateHours, stored.TargetValue, stored.DependsOn, stored.FromAttemptId);
                }).ToList());
        });
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/roadmap", async (GoalScope scope, string? asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache) =>
                await AsOfView.ServeAsync(asOf, scope, day => HandleAsync(scope, day, db, histories, cache)))
            .Requires(GoalAction.Read)
            .KeptUnderStamp()
            .Produces<RoadmapResponse>()
            .WithDescription("The roadmap as of a day, scheduled at the goal's weekly capacity on its active days (none on breaks): the next step, projected starts and finishes, late milestones and what blocks them.");
}
