using Microsoft.EntityFrameworkCore;
using Quartz;
using Receta.Data;
using Receta.Data.Nudges;

namespace Receta.Web.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds that is due, oldest first, each marked sent as soon as it is: a node
/// that stops mid-batch resends at most the one email it was sending. A refusal or an unreachable
/// server is tried again after 1 min, 5 min, 30 min, 2 h and 6 h; then the email is given up.
/// </summary>
public sealed partial class OutboxMailer(RecetaDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxMailer> logger)
{
    private const int Batch = 50;

    internal static readonly TimeSpan[] Retries =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>Sends every email due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = await db.OutgoingEmails
                .Where(e => e.SentAt == null && e.FailedAt == null && e.NotBefore <= now)
                .OrderBy(e => e.NotBefore)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var email in due)
            {
                sent += await SendAsync(email, cancellationToken) ? 1 : 0;
            }
            if (due.Count < Batch)
            {
                return sent;
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        email.Attempts++;
        try
        {
            await sender.SendAsync(
                new EmailMessage(email.To, email.Subject, email.TextBody)
                {
                    HtmlBody = email.HtmlBody,
                    UnsubscribeUrl = email.UnsubscribeUrl is { } url ? new Uri(url) : null,
                },
                cancellationToken);
            email.SentAt = clock.GetUtcNow();
            email.LastError = null;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            email.LastError = error.Length <= OutgoingEmail.MaxErrorLength ? error : error[..OutgoingEmail.MaxErrorLength];
            if (email.Attempts > Retries.Length)
            {
                email.FailedAt = clock.GetUtcNow();
                LogGivenUp(logger, email.Id, email.Attempts, exception);
            }
            else
            {
                email.NotBefore = clock.GetUtcNow() + Retries[email.Attempts - 1];
                LogRetry(logger, email.Id, email.NotBefore, exception);
            }
            return false;
        }
        finally
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} could not be sent; it is tried again at {NotBefore}")]
    private static partial void LogRetry(ILogger logger, Guid emailId, DateTimeOffset notBefore, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EmailId} was given up after {Attempts} tries")]
    private static partial void LogGivenUp(ILogger logger, Guid emailId, int attempts, Exception exception);
}

/// <summary>The scheduler's mail job: the outbox, every 15 seconds, on one node at a time.</summary>
public sealed class MailJob(OutboxMailer mailer) : IJob
{
    public static readonly Scheduling.RecurringJob Schedule = Scheduling.RecurringJob.Of<MailJob>("mail", TimeSpan.FromSeconds(15));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await mailer.SendDueAsync(cancellationToken);
}
