using MimeKit;
using MimeKit.Text;

namespace Receta.Web.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message both senders deliver.</summary>
public static class EmailMime
{
    /// <summary>The sender when <c>Smtp:From</c> is not configured (development only: SMTP requires it).</summary>
    public const string DefaultFrom = "Receta <no-reply@receta.invalid>";

    /// <summary>A plain-text message; with <paramref name="readableBody"/>, its text is kept as written (8-bit), for a file a person opens.</summary>
    public static MimeMessage Create(EmailMessage message, string from, DateTimeOffset date, bool readableBody = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            Body = new TextPart(TextFormat.Plain)
            {
                Text = message.TextBody,
                ContentTransferEncoding = readableBody ? ContentEncoding.EightBit : ContentEncoding.Default,
            },
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}
