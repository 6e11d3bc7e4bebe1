namespace Receta.Web.Infrastructure.Email;

/// <summary>A plain-text email to one address.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Delivers email: over SMTP when <c>Smtp:Host</c> is configured, else into a folder for development.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
