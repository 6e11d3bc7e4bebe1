using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Receta.Web.Infrastructure.Email;

/// <summary>The <c>Smtp</c> configuration section. <see cref="Host"/> set means email goes over SMTP.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) unless configured; 465 means TLS from the first byte.</summary>
    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Receta &lt;no-reply@example.org&gt;</c>. Required.</summary>
    public string? From { get; set; }

    /// <summary>Refuse to send in clear text: TLS on connect (port 465) or STARTTLS. True unless configured.</summary>
    public bool UseTls { get; set; } = true;
}

/// <summary>Sends each message over a new SMTP connection (MailKit), authenticated when a username is set.</summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set.");
        var mime = EmailMime.Create(message,
            smtp.From ?? throw new InvalidOperationException("Smtp:From is required when Smtp:Host is set."),
            clock.GetUtcNow());
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;

        using var client = new SmtpClient();
        await client.ConnectAsync(host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, host, smtp.Port);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent an email through {Host}:{Port}")]
    private static partial void LogSent(ILogger logger, string host, int port);
}
