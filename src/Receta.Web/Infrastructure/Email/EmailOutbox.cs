using Receta.Data;
using Receta.Data.Nudges;

namespace Receta.Web.Infrastructure.Email;

/// <summary>
/// Queues an email in the outbox, to be saved with the caller's other changes: in one transaction
/// with what decided it, so that a refused change sends nothing and a committed one always sends.
/// The scheduler's mail job (<see cref="OutboxMailer"/>) delivers it.
/// </summary>
public sealed class EmailOutbox(RecetaDbContext db, TimeProvider clock)
{
    /// <param name="message">What to send.</param>
    /// <param name="userId">The recipient's account, when there is one.</param>
    /// <param name="notBefore">Not before this instant (the end of the recipient's quiet hours); now when null.</param>
    public OutgoingEmail Queue(EmailMessage message, Guid? userId, DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var email = new OutgoingEmail
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            To = message.To,
            Subject = message.Subject.Length <= OutgoingEmail.MaxSubjectLength ? message.Subject : message.Subject[..OutgoingEmail.MaxSubjectLength],
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            UnsubscribeUrl = message.UnsubscribeUrl?.AbsoluteUri,
            CreatedAt = now,
            NotBefore = notBefore ?? now,
        };
        db.OutgoingEmails.Add(email);
        return email;
    }
}
