namespace Receta.Data.Nudges;

/// <summary>
/// That one nudge was decided and its email queued: at most one per user, kind, item and local date
/// (the primary key), written in the transaction that queues the email, so that several nodes and
/// restarts never send it twice.
/// </summary>
public sealed class NudgeDelivery
{
    public const int MaxKindLength = 32;
    public const int MaxItemLength = 80;

    public Guid UserId { get; set; }

    /// <summary>reminder, risk, digest, circle-digest, circle-news, webhook-disabled.</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about: a habit and its time, a goal, a goal and an hour.</summary>
    public required string Item { get; set; }

    /// <summary>The recipient's local date the nudge is for.</summary>
    public DateOnly LocalDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The email it queued; null when the nudge was decided but nothing was to be said.</summary>
    public Guid? EmailId { get; set; }
}
