using MimeKit;
using MimeKit.Text;

namespace Receta.Web.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message both senders deliver.</summary>
public static class EmailMime
{
    /// <summary>The sender when <c>Smtp:From</c> is not configured (development only: SMTP requires it).</summary>
    public const string DefaultFrom = "Receta <no-reply@receta.invalid>";

    /// <summary>
    /// The message as MIME: its text, or text and HTML as alternatives; with an unsubscribe address,
    /// the headers of RFC 8058's one-click unsubscribe. With <paramref name="readableBody"/>, the
    /// parts are kept as written (8-bit), for a file a person opens.
    /// </summary>
    public static MimeMessage Create(EmailMessage message, string from, DateTimeOffset date, bool readableBody = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var encoding = readableBody ? ContentEncoding.EightBit : ContentEncoding.Default;
        var text = new TextPart(TextFormat.Plain) { Text = message.TextBody, ContentTransferEncoding = encoding };
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            Body = message.HtmlBody is { } html
                ? new MultipartAlternative { text, new TextPart(TextFormat.Html) { Text = html, ContentTransferEncoding = encoding } }
                : text,
        };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}
