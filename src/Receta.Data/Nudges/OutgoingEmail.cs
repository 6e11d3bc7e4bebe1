namespace Receta.Data.Nudges;

/// <summary>
/// An email waiting to go out (an outbox): written in the transaction that decides it, sent by the
/// scheduler's mail job, retried with backoff when the SMTP server refuses or cannot be reached.
/// </summary>
public sealed class OutgoingEmail
{
    public const int MaxSubjectLength = 300;
    public const int MaxErrorLength = 1000;

    public Guid Id { get; set; }

    /// <summary>The recipient's account, when it has one (every nudge's has).</summary>
    public Guid? UserId { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>The one-click unsubscribe address (RFC 8058) of the <c>List-Unsubscribe</c> header, when the email has one.</summary>
    public string? UnsubscribeUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this instant: the next try after a failure, or the end of the recipient's quiet hours.</summary>
    public DateTimeOffset NotBefore { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When it was given up after its last try; with <see cref="LastError"/>.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}
