using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Nudges;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Nudges;
using Receta.Data.Sharding;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Nudges;

/// <summary>One goal in a weekly digest, as its reader's role may see it.</summary>
public sealed record DigestGoal(
    Guid GoalId, string Title, double PercentBefore, double PercentNow, Core.Progress.ProgressStatus Status,
    Core.Progress.Forecast? ForecastBefore, Core.Progress.Forecast? ForecastNow, int Score, IReadOnlyList<Core.Scorecard.Ingredient> Missing,
    IReadOnlyList<string>? Cheers);

/// <summary>
/// The weekly digests (connections.md §4), at each reader's digest day and hour (after quiet hours,
/// up to an hour late): the owner's, of every active goal they own; and, for a circle member who
/// opted in, the circle digest of the active goals shared with them, showing only what their role
/// may read (cheers only to cheerleaders and up, as their API does). Per goal: the week's progress,
/// how the P50–P90 window moved, the score and what is missing. Each is recorded (user, kind, week,
/// local date) with its email, so it goes out once.
/// </summary>
public sealed class DigestSweep(
    RecetaDbContext db, EmailOutbox outbox, NudgeMail mail, GoalHistories histories, GoalViewCache cache, TimeProvider clock, ILogger<DigestSweep> logger)
{
    public const string OwnerKind = "digest";
    public const string CircleKind = "circle-digest";

    /// <summary>Queues every digest due now; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Who reads which goal: owners their active goals, accepted members the active goals shared with them.
        var owned = await db.Goals.AsNoTracking().AcrossOwners("the digest sweep reads every active goal").Where(g => g.Status == GoalStatus.Active)
            .Select(g => new { Reader = g.OwnerId, g.OwnerId, GoalId = g.Id, Role = CircleRole.Owner }).ToListAsync(cancellationToken);
        var shared = await (
                from member in db.CircleMembers.AsNoTracking()
                join goal in db.Goals on new { member.OwnerId, Id = member.GoalId } equals new { goal.OwnerId, goal.Id }
                where member.Status == MemberStatus.Active && member.UserId != null && goal.Status == GoalStatus.Active
                select new { Reader = member.UserId!.Value, member.OwnerId, member.GoalId, member.Role })
            .AcrossOwners("the digest sweep reads every active membership")
            .ToListAsync(cancellationToken);
        var readers = owned.Concat(shared).Select(r => r.Reader).Distinct().ToList();
        var settingsOf = await NotificationSettingsStore.LoadForAsync(db, readers, cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => readers.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.Language, u.TimeZone }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var queued = 0;
        foreach (var (kind, reads) in new[] { (OwnerKind, owned), (CircleKind, shared) })
        {
            foreach (var reader in reads.GroupBy(r => r.Reader))
            {
                var wants = settingsOf(reader.Key);
                if (wants.DigestDay is not { } day || (kind == CircleKind && !wants.CircleDigest) || accounts.GetValueOrDefault(reader.Key) is not { } account)
                {
                    continue;
                }
                var zone = UserTimeZones.FindOrUtc(account.TimeZone);
                var today = UserTimeZones.Today(now, zone);
                if (today.DayOfWeek != day || !NudgeClock.IsDue(NudgeClock.DueAt(today, new TimeOnly(wants.DigestHour, 0), wants.QuietFrom, wants.QuietTo, zone), now)
                    || await db.NudgeDeliveries.AnyAsync(d => d.UserId == reader.Key && d.Kind == kind && d.Item == "week" && d.LocalDate == today, cancellationToken))
                {
                    continue;
                }
                var to = new NudgeRecipient(reader.Key, account.Email!, account.Language, zone);
                var goals = new List<DigestGoal>();
                foreach (var read in reader)
                {
                    goals.Add(await DigestGoalAsync(read.OwnerId, read.GoalId, read.Role, to, today, now, cancellationToken));
                }
                queued += await QueueAsync(kind, to, today, now, goals, cancellationToken) ? 1 : 0;
            }
        }
        return queued;
    }

    private async Task<DigestGoal> DigestGoalAsync(Guid ownerId, Guid goalId, CircleRole role, NudgeRecipient to, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.AsNoTracking().FirstAsync(g => g.OwnerId == ownerId && g.Id == goalId, cancellationToken);
        var scope = new GoalScope(goal, role, new CurrentUser(to.UserId, CanWrite: false, to.Zone, today));
        var before = await GetProgress.HandleAsync(scope, today.AddDays(-7), db, histories, cache);
        var progress = await GetProgress.HandleAsync(scope, today, db, histories, cache);
        var recipe = await GetRecipeScore.HandleAsync(scope, today, db, histories, cache);
        var since = now.AddDays(-7);
        IReadOnlyList<string>? cheers = CirclePolicy.Allows(role, GoalAction.Cheer)
            ? await db.Cheers.AsNoTracking().Where(c => c.OwnerId == ownerId && c.GoalId == goalId && c.CreatedAt >= since)
                .OrderBy(c => c.Sequence).Select(c => c.Message).ToListAsync(cancellationToken)
            : null;
        return new DigestGoal(goal.Id, goal.Title, before.PercentComplete, progress.PercentComplete, progress.Status, before.Forecast, progress.Forecast,
            recipe.Score, [.. recipe.Ingredients.Where(i => !i.Satisfied).Select(i => i.Key)], cheers);
    }

    private async Task<bool> QueueAsync(string kind, NudgeRecipient to, DateOnly today, DateTimeOffset now, IReadOnlyList<DigestGoal> goals, CancellationToken cancellationToken)
    {
        var email = outbox.Queue(mail.Digest(to, kind == CircleKind, goals), to.UserId);
        db.NudgeDeliveries.Add(new NudgeDelivery { UserId = to.UserId, Kind = kind, Item = "week", LocalDate = today, CreatedAt = now, EmailId = email.Id });
        return await NudgeRecords.SaveOnceAsync(db, logger, kind, cancellationToken);
    }
}
