namespace Receta.Data.Webhooks;

/// <summary>An address that receives an account's events, signed per Standard Webhooks (connections.md §5).</summary>
public sealed class Webhook
{
    public const int MaxUrlLength = 2000;
    public const int MaxEventsLength = 400;

    public Guid OwnerId { get; set; }

    public Guid Id { get; set; }

    public required string Url { get; set; }

    /// <summary>The event types it receives, space-separated (entry.created, habit.checked, …).</summary>
    public required string Events { get; set; }

    /// <summary>Only this goal's events; null for every goal of the owner.</summary>
    public Guid? GoalId { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>), encrypted at rest by the app's data protection.</summary>
    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When deliveries began failing without a success since; null while they succeed.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>When it was disabled after 3 days of failures; nothing is sent to it since.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
