namespace Receta.Web.Infrastructure.Email;

/// <summary>An email to one address: plain text, and HTML beside it when <see cref="HtmlBody"/> is set.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    public string? HtmlBody { get; init; }

    /// <summary>The one-click unsubscribe address: sent as <c>List-Unsubscribe</c> with <c>List-Unsubscribe-Post</c> (RFC 8058).</summary>
    public Uri? UnsubscribeUrl { get; init; }
}

/// <summary>Delivers email: over SMTP when <c>Smtp:Host</c> is configured, else into a folder for development.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
