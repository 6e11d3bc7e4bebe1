using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Nudges;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Data.Nudges;
using Receta.Data.Sharding;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Nudges;

/// <summary>
/// Risk alerts (connections.md §4): once a day, at the owner's digest hour (after quiet hours, up
/// to an hour late), each active goal with a target date is looked at as of that day. When its
/// status has newly fallen to behind or off track, or its odds of finishing on time have newly
/// fallen under the owner's threshold, one email says so with the scorecard's hint; at most one per
/// goal in 7 days. "Newly" is against the last look (<see cref="GoalWatch"/>): the first look only
/// records what it saw, so nobody is alerted about a goal the day they start watching it.
/// </summary>
public sealed class RiskSweep(
    RecetaDbContext db, EmailOutbox outbox, NudgeMail mail, GoalHistories histories, GoalViewCache cache, TimeProvider clock, ILogger<RiskSweep> logger)
{
    public const string Kind = "risk";

    /// <summary>At most one alert per goal in this many days.</summary>
    public const int QuietDays = 7;

    /// <summary>Queues every alert due now; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var goals = await (
                from goal in db.Goals.AsNoTracking()
                join user in db.Users on goal.OwnerId equals user.Id
                where goal.Status == GoalStatus.Active && goal.TargetDate != null && user.Email != null
                select new { Goal = goal, user.Email, user.Language, user.TimeZone })
            .AcrossOwners("the risk sweep looks at every active goal with a target date")
            .ToListAsync(cancellationToken);
        var settingsOf = await NotificationSettingsStore.LoadForAsync(db, [.. goals.Select(g => g.Goal.OwnerId).Distinct()], cancellationToken);
        var queued = 0;
        foreach (var owned in goals)
        {
            var wants = settingsOf(owned.Goal.OwnerId);
            var zone = UserTimeZones.FindOrUtc(owned.TimeZone);
            var today = UserTimeZones.Today(now, zone);
            if (!wants.RiskAlerts || !NudgeClock.IsDue(NudgeClock.DueAt(today, new TimeOnly(wants.DigestHour, 0), wants.QuietFrom, wants.QuietTo, zone), now))
            {
                continue;
            }
            var to = new NudgeRecipient(owned.Goal.OwnerId, owned.Email!, owned.Language, zone);
            queued += await LookAsync(owned.Goal, to, today, wants.RiskThreshold, now, cancellationToken) ? 1 : 0;
        }
        return queued;
    }

    private async Task<bool> LookAsync(Goal goal, NudgeRecipient to, DateOnly today, double threshold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (ownerId, goalId) = (goal.OwnerId, goal.Id);
        var watch = await db.GoalWatches.FirstOrDefaultAsync(w => w.OwnerId == ownerId && w.GoalId == goalId, cancellationToken);
        if (watch?.LookedOn == today)
        {
            return false;
        }
        var scope = new GoalScope(goal, CircleRole.Owner, new CurrentUser(ownerId, CanWrite: false, to.Zone, today));
        var progress = await GetProgress.HandleAsync(scope, today, db, histories, cache);
        var status = progress.Status;
        var odds = progress.OnTimeProbability;
        var newlyBehind = IsSlipping(status) && watch?.Status is { } before && !IsSlipping(Enum.Parse<ProgressStatus>(before));
        var newlyUnlikely = odds < threshold && watch?.OnTimeProbability >= threshold;
        var alert = (newlyBehind || newlyUnlikely) && (watch?.AlertedOn is not { } last || today.DayNumber - last.DayNumber >= QuietDays);
        if (watch is null)
        {
            watch = new GoalWatch { OwnerId = ownerId, GoalId = goalId };
            db.GoalWatches.Add(watch);
        }
        watch.Status = status.ToString();
        watch.OnTimeProbability = odds;
        watch.LookedOn = today;
        if (alert)
        {
            watch.AlertedOn = today;
            var recipe = await GetRecipeScore.HandleAsync(scope, today, db, histories, cache);
            var missing = recipe.Ingredients.FirstOrDefault(i => !i.Satisfied)?.Key;
            var email = outbox.Queue(mail.RiskAlert(to, goal.Id, goal.Title, status, odds, goal.TargetDate!.Value, missing), to.UserId);
            db.NudgeDeliveries.Add(new NudgeDelivery
            {
                UserId = ownerId, Kind = Kind, Item = goalId.ToString("N"), LocalDate = today, CreatedAt = now, EmailId = email.Id,
            });
        }
        // Another node that looked at this goal today first keeps its look (and alert).
        return await NudgeRecords.SaveOnceAsync(db, logger, Kind, cancellationToken) && alert;
    }

    private static bool IsSlipping(ProgressStatus status) => status is ProgressStatus.Behind or ProgressStatus.OffTrack;
}
