using Microsoft.EntityFrameworkCore;
using Receta.Core.Breaks;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Breaks;

/// <summary>A goal's breaks as its active days, read once per goal version: every view of the goal reads them.</summary>
public sealed class GoalBreaks(GoalViewCache cache)
{
    public async Task<ActiveDays> GetAsync(Goal goal, RecetaDbContext db)
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
