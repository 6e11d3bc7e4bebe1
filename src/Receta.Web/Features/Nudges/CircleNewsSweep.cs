using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Receta.Core.Nudges;
using Receta.Data;
using Receta.Data.Nudges;
using Receta.Data.Sharding;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Nudges;

/// <summary>One cheer or suggestion from the circle, as the owner's email tells it.</summary>
public sealed record CircleNewsItem(string Author, bool Suggestion, string Text);

/// <summary>
/// Circle news (connections.md §4): cheers and suggestions others left on a goal reach its owner by
/// email, batched, at most one email per goal per hour, and none in the owner's quiet hours (they
/// wait). What a goal's owner has heard of is kept as an instant (<see cref="GoalWatch.NewsThrough"/>);
/// each email is recorded with the hour it was sent in, so of several nodes one sends it.
/// </summary>
public sealed class CircleNewsSweep(RecetaDbContext db, EmailOutbox outbox, NudgeMail mail, TimeProvider clock, ILogger<CircleNewsSweep> logger)
{
    public const string Kind = "circle-news";

    /// <summary>At most one email per goal in this long.</summary>
    public static readonly TimeSpan Batch = TimeSpan.FromHours(1);

    /// <summary>Queues the news due now; returns how many emails.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The first look at a goal goes back one batch, not through its whole history.
        var since = now - Batch;
        var cheers = await db.Cheers.AsNoTracking().AcrossOwners("the circle news sweep reads the latest cheers").Where(c => c.CreatedAt > since && c.AuthorId != c.OwnerId)
            .Select(c => new { c.OwnerId, c.GoalId, c.AuthorId, c.CreatedAt, Suggestion = false, Text = c.Message }).ToListAsync(cancellationToken);
        var suggestions = await db.Suggestions.AsNoTracking().AcrossOwners("the circle news sweep reads the latest suggestions").Where(s => s.CreatedAt > since && s.AuthorId != s.OwnerId)
            .Select(s => new { s.OwnerId, s.GoalId, s.AuthorId, s.CreatedAt, Suggestion = true, Text = s.Title }).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var goal in cheers.Concat(suggestions).GroupBy(n => (n.OwnerId, n.GoalId)))
        {
            var (ownerId, goalId) = goal.Key;
            var watch = await db.GoalWatches.FirstOrDefaultAsync(w => w.OwnerId == ownerId && w.GoalId == goalId, cancellationToken);
            if (watch?.NewsThrough is { } heard && now - heard < Batch)
            {
                continue;
            }
            var news = goal.Where(n => watch?.NewsThrough is not { } through || n.CreatedAt > through).OrderBy(n => n.CreatedAt).ToList();
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.Email != null)
                .Select(u => new { u.Email, u.Language, u.TimeZone }).FirstOrDefaultAsync(cancellationToken);
            var wants = await NotificationSettingsStore.LoadAsync(db, ownerId, cancellationToken);
            var zone = UserTimeZones.FindOrUtc(owner?.TimeZone);
            if (news.Count == 0 || owner is null || !wants.CircleNews || NudgeClock.AfterQuietHours(now, wants.QuietFrom, wants.QuietTo, zone) > now)
            {
                continue;
            }
            var authorIds = news.Select(n => n.AuthorId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var title = await db.Goals.AsNoTracking().Where(g => g.OwnerId == ownerId && g.Id == goalId).Select(g => g.Title).FirstAsync(cancellationToken);
            var to = new NudgeRecipient(ownerId, owner.Email!, owner.Language, zone);
            var items = news.Select(n => new CircleNewsItem(names.GetValueOrDefault(n.AuthorId) ?? "?", n.Suggestion, n.Text)).ToList();
            if (watch is null)
            {
                watch = new GoalWatch { OwnerId = ownerId, GoalId = goalId };
                db.GoalWatches.Add(watch);
            }
            watch.NewsThrough = now;
            var email = outbox.Queue(mail.CircleNews(to, goalId, title, items), ownerId);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            db.NudgeDeliveries.Add(new NudgeDelivery
            {
                UserId = ownerId, Kind = Kind, Item = string.Create(CultureInfo.InvariantCulture, $"{goalId:N}@{local:HH}"),
                LocalDate = DateOnly.FromDateTime(local.DateTime), CreatedAt = now, EmailId = email.Id,
            });
            queued += await NudgeRecords.SaveOnceAsync(db, logger, Kind, cancellationToken) ? 1 : 0;
        }
        return queued;
    }
}
