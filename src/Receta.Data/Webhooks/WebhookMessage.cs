namespace Receta.Data.Webhooks;

/// <summary>
/// One event for one webhook (the outbox): written in the change's transaction, so that a committed
/// change is always delivered and a refused one never; sent and retried by the scheduler.
/// </summary>
public sealed class WebhookMessage
{
    public const int MaxTypeLength = 40;

    public Guid OwnerId { get; set; }

    /// <summary>The delivery's <c>webhook-id</c> (<c>msg_…</c>), the same on every retry.</summary>
    public Guid Id { get; set; }

    public Guid WebhookId { get; set; }

    public required string Type { get; set; }

    /// <summary>The body sent, exactly: <c>{id, type, occurredAt, goalId, data}</c>.</summary>
    public required string Body { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>When its retries ran out or its webhook was disabled or removed.</summary>
    public DateTimeOffset? AbandonedAt { get; set; }
}
