using Microsoft.EntityFrameworkCore;
using Receta.Core.Breaks;
using Receta.Core.Progress;
using Receta.Core.Work;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

/// <summary>
/// A goal's histories (its entries, its work and its breaks), each read once per goal version and kept ready for
/// any <c>asOf</c>: every computed view of the goal reads them.
/// </summary>
public sealed class GoalHistories(GoalViewCache cache)
{
    /// <summary>The measure's entries, or null when the goal has no measure.</summary>
    public async Task<MeasureHistory?> GetMeasureAsync(Goal goal, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(db);
        if (goal.Measure is not { } measure)
        {
            return null;
        }
        return await cache.GetOrCreateAsync(goal, "measure-history", null, async () =>
        {
            var entries = await db.Entries.AsNoTracking()
                .Where(e => e.OwnerId == goal.OwnerId && e.GoalId == goal.Id)
                .Select(e => new MeasureEntry(e.Date, e.Value, e.Sequence))
                .ToListAsync();
            return new MeasureHistory(measure, entries);
        }, history => history.EntryCount + 1);
    }

    /// <summary>The goal's work sessions, by day.</summary>
    public async Task<WorkHistory> GetWorkAsync(Goal goal, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(db);
        return await cache.GetOrCreateAsync(goal, "work-history", null, async () =>
        {
            var sessions = await db.WorkSessions.AsNoTracking()
                .Where(w => w.OwnerId == goal.OwnerId && w.GoalId == goal.Id)
                .Select(w => new { w.Date, w.Minutes })
                .ToListAsync();
            return sessions.Count == 0 ? WorkHistory.None : new WorkHistory(sessions.Select(w => new Core.Work.WorkSession(w.Date, w.Minutes)));
        }, work => work.DayCount + 1);
    }

    /// <summary>The goal's breaks, as its active days.</summary>
    public async Task<ActiveDays> GetBreaksAsync(Goal goal, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(db);
        return await cache.GetOrCreateAsync(goal, "active-days", null, async () =>
        {
            var breaks = await db.GoalBreaks.AsNoTracking()
                .Where(b => b.OwnerId == goal.OwnerId && b.GoalId == goal.Id)
                .Select(b => new { b.From, b.To })
                .ToListAsync();
            return breaks.Count == 0 ? ActiveDays.None : new ActiveDays(breaks.Select(b => new DateRange(b.From, b.To)));
        }, days => days.Breaks.Count + 1);
    }
}
