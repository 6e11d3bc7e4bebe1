using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Data.Circle;
using Receta.Data.Goals;
using Receta.Data.Webhooks;
using Receta.Web.Features.Progress;
using Receta.Web.Features.Roadmap;
using Receta.Web.Features.Work;

namespace Receta.Web.Features.Webhooks;

/// <summary>
/// Turns the changes a save is about to commit into webhook messages, in that same save (the outbox):
/// a committed change is always delivered, a refused one never, because the messages and the change
/// stand or fall in one transaction. It watches the change tracker rather than each handler calling it,
/// so that the API, the pages and whatever writes next all emit the same events with no one forgetting:
/// an added entry, work session, habit check or skip, attempt or cheer; a removed entry; a milestone
/// whose status became done; a goal whose status became achieved.
/// <para>
/// Imports emit nothing (a file can hold a million entries, and they are history, not news): the
/// import runner silences its context with <see cref="Silence"/>. A webhook's own rows are never events.
/// </para>
/// </summary>
public sealed class WebhookEvents(TimeProvider clock, IOptions<JsonOptions> json) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Silenced = [];

    /// <summary>The messages a save in progress added: if the save fails they go, so a retried save cannot carry them for a change that did not happen.</summary>
    private static readonly ConditionalWeakTable<DbContext, List<WebhookMessage>> Pending = [];

    /// <summary>Until disposed, saves of <paramref name="db"/> emit no events.</summary>
    public static IDisposable Silence(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Silenced.AddOrUpdate(db, db);
        return new Unsilence(db);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is RecetaDbContext db)
        {
            await AddMessagesAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is RecetaDbContext db)
        {
            // Nothing in the app saves synchronously; a tool that does still emits its events.
            AddMessagesAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, saved: false);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, saved: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context, saved: true);
        return ValueTask.FromResult(result);
    }

    private static void Forget(DbContext? db, bool saved)
    {
        if (db is null || !Pending.TryGetValue(db, out var added))
        {
            return;
        }
        Pending.Remove(db);
        if (!saved)
        {
            foreach (var message in added)
            {
                db.Entry(message).State = EntityState.Detached;
            }
        }
    }

    private sealed record Event(Guid OwnerId, Guid GoalId, string Type, object Data);

    private async ValueTask AddMessagesAsync(RecetaDbContext db, CancellationToken cancellationToken)
    {
        if (Silenced.TryGetValue(db, out _))
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        var events = db.ChangeTracker.Entries().Select(ToEvent).OfType<Event>().ToList();
        if (events.Count == 0)
        {
            return;
        }
        var owners = events.Select(e => e.OwnerId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking()
            .Where(w => owners.Contains(w.OwnerId) && w.DisabledAt == null)
            .ToListAsync(cancellationToken);
        if (webhooks.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var added = Pending.GetOrCreateValue(db);
        foreach (var change in events)
        {
            foreach (var webhook in webhooks.Where(w => w.OwnerId == change.OwnerId && Wants(w, change.GoalId, change.Type)))
            {
                added.Add(Queue(db, webhook, change.Type, change.GoalId, change.Data, now, json.Value.SerializerOptions));
            }
        }
    }

    /// <summary>Whether the webhook asks for events of that type on that goal.</summary>
    internal static bool Wants(Webhook webhook, Guid goalId, string type) =>
        (webhook.GoalId is null || webhook.GoalId == goalId) && WebhookEventTypes.Parse(webhook.Events).Contains(type);

    /// <summary>Adds the message of one event for one webhook to the save in progress (the outbox), its body as it will be sent.</summary>
    internal static WebhookMessage Queue(
        RecetaDbContext db, Webhook webhook, string type, Guid goalId, object data, DateTimeOffset now, JsonSerializerOptions options)
    {
        var id = Guid.CreateVersion7(now);
        var body = JsonSerializer.Serialize(
            new { id = WebhookSender.EventId(id), type, occurredAt = now, goalId, data }, options);
        var message = new WebhookMessage
        {
            OwnerId = webhook.OwnerId,
            Id = id,
            WebhookId = webhook.Id,
            Type = type,
            Body = body,
            OccurredAt = now,
            NextAttemptAt = now,
        };
        db.WebhookMessages.Add(message);
        return message;
    }

    /// <summary>The event a tracked change makes, if any; its data is what the API answers for the item.</summary>
    private static Event? ToEvent(EntityEntry change) => (change.Entity, change.State) switch
    {
        (Entry entry, EntityState.Added) => new(entry.OwnerId, entry.GoalId, WebhookEventTypes.EntryCreated, EntryResponses.From(entry)),
        (Entry entry, EntityState.Deleted) => new(entry.OwnerId, entry.GoalId, WebhookEventTypes.EntryDeleted, EntryResponses.From(entry)),
        (WorkSession session, EntityState.Added) => new(session.OwnerId, session.GoalId, WebhookEventTypes.WorkLogged, WorkSessionResponses.From(session)),
        (HabitCheck check, EntityState.Added) => new(check.OwnerId, check.GoalId, WebhookEventTypes.HabitChecked, new HabitCheckResponse(check.HabitId, check.Date)),
        (HabitSkip skip, EntityState.Added) => new(skip.OwnerId, skip.GoalId, WebhookEventTypes.HabitSkipped, new HabitCheckResponse(skip.HabitId, skip.Date)),
        (Milestone milestone, EntityState.Added or EntityState.Modified) when BecameDone(change, milestone) =>
            new(milestone.OwnerId, milestone.GoalId, WebhookEventTypes.MilestoneCompleted, MilestoneResponses.From(milestone)),
        (Attempt attempt, EntityState.Added) => new(attempt.OwnerId, attempt.GoalId, WebhookEventTypes.AttemptRecorded,
            new { attempt.Id, attempt.Title, attempt.Date, attempt.Outcome, attempt.Feedback, attempt.Lesson }),
        (Goal goal, EntityState.Modified) when goal.Status == GoalStatus.Achieved
            && change.Property(nameof(Goal.Status)).OriginalValue is not GoalStatus.Achieved =>
            new(goal.OwnerId, goal.Id, WebhookEventTypes.GoalAchieved, new { goal.Id, goal.Title, goal.Status }),
        (Cheer cheer, EntityState.Added) => new(cheer.OwnerId, cheer.GoalId, WebhookEventTypes.CheerReceived,
            new { cheer.Id, cheer.Message, cheer.AuthorId, cheer.CreatedAt }),
        _ => null,
    };

    private static bool BecameDone(EntityEntry change, Milestone milestone) =>
        milestone.Status == MilestoneStatus.Done
        && (change.State == EntityState.Added || change.Property(nameof(Milestone.Status)).OriginalValue is not MilestoneStatus.Done);

    private sealed class Unsilence(DbContext db) : IDisposable
    {
        public void Dispose() => Silenced.Remove(db);
    }
}
