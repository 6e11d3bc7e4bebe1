using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Progress;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

public static class GetProgress
{
    public static ProgressResponse ToResponse(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.AsOf, report.Current, report.Start, report.Target, report.Remaining,
            report.PercentComplete, report.Achieved, report.Road, report.AheadBy, report.BufferDays,
            report.RecentRatePerDay, report.RequiredRatePerDay, report.ProjectedCompletion,
            report.Forecast is { } forecast ? new ForecastResponse(forecast.P50, forecast.P90) : null,
            report.Status, report.HoursPerUnit, report.HoursToFinish, report.FinishAtCapacity, report.OnTimeProbability);
    }

    public static async Task<ProgressReport> HandleAsync(
        GoalScope scope, DateOnly asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(cache);
        var goal = scope.Goal;
        return await cache.GetOrCreateAsync(goal, "progress", asOf, async () =>
        {
            var milestones = await db.Milestones.AsNoTracking()
                .Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id)
                .Select(m => new { m.DueDate, m.TargetValue, m.Sequence, m.Status, m.CompletedOn })
                .ToListAsync();
            var waypoints = milestones
                .Where(m => m.DueDate is not null && m.TargetValue is not null)
                .Select(m => new Waypoint(m.DueDate!.Value, m.TargetValue!.Value, m.Sequence))
                .ToList();
            var doneAsOf = milestones.Count(m => m.Status == MilestoneStatus.Done && m.CompletedOn <= asOf);
            var input = new ProgressInput(
                goal.ForecastSeed, goal.StartDate, goal.TargetDate, goal.Measure,
                await histories.GetMeasureAsync(goal, db), waypoints, doneAsOf, milestones.Count,
                await histories.GetBreaksAsync(goal, db), await histories.GetWorkAsync(goal, db), goal.WeeklyCapacityHours);
            return ProgressCalculator.Compute(input, asOf);
        });
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/progress", async (GoalScope scope, string? asOf, RecetaDbContext db, GoalHistories histories, GoalViewCache cache) =>
                await AsOfView.ServeAsync(asOf, scope, async day => ToResponse(await HandleAsync(scope, day, db, histories, cache))))
            .Requires(GoalAction.Read)
            .KeptUnderStamp()
            .Produces<ProgressResponse>()
            .WithDescription("How far the goal is as of a day: current, remaining, percent, the road, buffer days, rates, the projected completion, the P50/P90 forecast, the status, what an hour of work buys and the odds of arriving on time. Breaks count as time off.");
}
