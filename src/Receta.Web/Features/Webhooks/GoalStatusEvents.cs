using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Webhooks;

/// <summary>
/// <c>goal.statusChanged</c>: the goal's progress status (ahead, on track, behind, …) as of the owner's
/// today, before and after a change, compared in the change's transaction, so the message is in the
/// outbox of the change that caused it and a refused change sends nothing. Only a status a write
/// changes is news: a status that slips as days pass is the risk alert's job (nudges), not an event.
/// <para>
/// The status before is the view of the version the last change left, which a reader has usually just
/// cached; the status after is computed without the cache, since the change is not committed yet and
/// must never be served under its version if it rolls back. Both only for an owner with a webhook that
/// asks for the event: everyone else pays one indexed query per change.
/// </para>
/// </summary>
public sealed class GoalStatusEvents(GoalHistories histories, GoalViewCache cache, TimeProvider clock, IOptions<JsonOptions> json)
    : IGoalWriteObserver
{
    private static readonly GoalHistories Uncommitted = new(GoalViewCache.None);

    public async Task<Func<CancellationToken, Task>?> BeforeChangeAsync(Goal goal, RecetaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await db.Webhooks.AsNoTracking()
            .Where(w => w.OwnerId == goal.OwnerId && w.DisabledAt == null && (w.GoalId == null || w.GoalId == goal.Id)
                && w.Events.Contains(WebhookEventTypes.GoalStatusChanged))
            .ToListAsync(cancellationToken);
        var webhooks = candidates.Where(w => WebhookEvents.Wants(w, goal.Id, WebhookEventTypes.GoalStatusChanged)).ToList();
        if (webhooks.Count == 0)
        {
            return null;
        }
        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == goal.OwnerId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = UserTimeZones.FindOrUtc(zoneId);
        var today = UserTimeZones.Today(clock, zone);
        var owner = new CurrentUser(goal.OwnerId, CanWrite: false, zone, today);

        // The goal as the last committed change left it: the writer has just raised its version by one.
        var previous = (Goal)db.Entry(goal).CurrentValues.ToObject();
        previous.Version = goal.Version - 1;
        var before = await GetProgress.HandleAsync(new GoalScope(previous, CircleRole.Owner, owner), today, db, histories, cache);

        return async token =>
        {
            if (db.Entry(goal).State is EntityState.Deleted or EntityState.Detached)
            {
                return;
            }
            var after = await GetProgress.HandleAsync(new GoalScope(goal, CircleRole.Owner, owner), today, db, Uncommitted, GoalViewCache.None);
            if (after.Status == before.Status)
            {
                return;
            }
            var data = new { goal.Id, goal.Title, PreviousStatus = before.Status, after.Status, AsOf = today, after.OnTimeProbability };
            var now = clock.GetUtcNow();
            foreach (var webhook in webhooks)
            {
                WebhookEvents.Queue(db, webhook, WebhookEventTypes.GoalStatusChanged, goal.Id, data, now, json.Value.SerializerOptions);
            }
            await db.SaveChangesAsync(token);
        };
    }
}
