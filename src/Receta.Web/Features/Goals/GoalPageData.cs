using Microsoft.EntityFrameworkCore;
using Receta.Core.Progress;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Components.Charts;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>What the goal page draws that no API view returns as such: the lines of the progress chart, the sub-goals.</summary>
public static class GoalPageData
{
    /// <summary>
    /// The current value c(d) on every entry date up to <paramref name="asOf"/> (and on the start and
    /// <paramref name="asOf"/> themselves), computed by the same <see cref="MeasureHistory"/> as the
    /// progress view; and the road through its points. Both empty without a measure.
    /// </summary>
    public static async Task<(IReadOnlyList<ChartPoint> Values, IReadOnlyList<ChartPoint> Road)> ProgressLinesAsync(
        GoalScope scope, DateOnly asOf, RecetaDbContext db, GoalHistories histories)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(histories);
        var goal = scope.Goal;
        if (goal.Measure is not { } measure || await histories.GetMeasureAsync(goal, db) is not { } history)
        {
            return ([], []);
        }
        var dates = await db.Entries.AsNoTracking()
            .Where(e => e.OwnerId == goal.OwnerId && e.GoalId == goal.Id && e.Date <= asOf)
            .Select(e => e.Date).Distinct().ToListAsync();
        var first = dates.Count == 0 ? goal.StartDate : dates.Min() < goal.StartDate ? dates.Min() : goal.StartDate;
        dates.Add(first);
        if (first <= asOf)
        {
            dates.Add(asOf);
        }
        var values = dates.Distinct().Order().Select(d => new ChartPoint(d, history.ValueAsOf(d))).ToList();

        if (goal.TargetDate is not { } targetDate)
        {
            return (values, []);
        }
        var waypoints = await db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id && m.DueDate != null && m.TargetValue != null)
            .Select(m => new Waypoint(m.DueDate!.Value, m.TargetValue!.Value, m.Sequence))
            .ToListAsync();
        var breaks = await histories.GetBreaksAsync(goal, db);
        var road = new Road(goal.StartDate, measure.Start, targetDate, measure.Target, waypoints, breaks);
        // The road bends at its points and where it stops and starts again around a break (flat from the day before it to its end).
        var aroundBreaks = breaks.Breaks.SelectMany(b => new[] { b.From.AddDays(-1), b.To });
        var corners = waypoints.Select(w => w.Date).Concat(aroundBreaks).Where(d => d > goal.StartDate && d < targetDate)
            .Append(goal.StartDate).Append(targetDate).Distinct().Order();
        return (values, [.. corners.Select(d => new ChartPoint(d, road.ValueOn(d)))]);
    }

    /// <summary>The goal's sub-goals, for its owner (a supporter sees only the goal they were invited to).</summary>
    public static async Task<IReadOnlyList<Goal>> SubGoalsAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        if (scope.User.Id != goal.OwnerId)
        {
            return [];
        }
        return await db.Goals.AsNoTracking()
            .Where(g => g.OwnerId == goal.OwnerId && g.ParentId == goal.Id)
            .OrderBy(g => g.Sequence).ToListAsync();
    }
}
