using Microsoft.EntityFrameworkCore;
using Receta.Core.Progress;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

/// <summary>A goal's entries, read once per goal version and kept ready for any <c>asOf</c>.</summary>
public sealed class MeasureHistories(GoalViewCache cache)
{
    public async Task<MeasureHistory?> GetAsync(Goal goal, RecetaDbContext db)
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
}
