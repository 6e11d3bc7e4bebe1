using Microsoft.EntityFrameworkCore;
using Quartz;
using Receta.Data;
using Receta.Data.Nudges;

namespace Receta.Web.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds that is due, oldest first. Each email is first claimed (its due time
/// moved on by a lease, only if no one moved it since it was read), so that of several senders at
/// once one sends it; it is marked sent as soon as it is, so a node that stops mid-batch resends at
/// most the one it was sending, after the lease. A refusal or an unreachable server is tried again
/// after 1 min, 5 min, 30 min, 2 h and 6 h; then the email is given up.
/// </summary>
public sealed partial class OutboxMailer(RecetaDbContext db, IEmailSender sender, TimeProvider clock, ILogger<OutboxMailer> logger)
{
    private const int Batch = 50;

    /// <summary>How long a claimed email is left to its sender before another may take it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    internal static readonly TimeSpan[] Retries =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>Sends every email due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = await db.OutgoingEmails.AsNoTracking()
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
        var read = email.NotBefore;
        var claimed = await db.OutgoingEmails
            .Where(e => e.Id == email.Id && e.SentAt == null && e.FailedAt == null && e.NotBefore == read)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.NotBefore, clock.GetUtcNow() + Lease).SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        var attempts = email.Attempts + 1;
        try
        {
            await sender.SendAsync(
                new EmailMessage(email.To, email.Subject, email.TextBody)
                {
                    HtmlBody = email.HtmlBody,
                    UnsubscribeUrl = email.UnsubscribeUrl is { } url ? new Uri(url) : null,
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            error = error.Length <= OutgoingEmail.MaxErrorLength ? error : error[..OutgoingEmail.MaxErrorLength];
            var now = clock.GetUtcNow();
            if (attempts > Retries.Length)
            {
                await db.OutgoingEmails.Where(e => e.Id == email.Id)
                    .ExecuteUpdateAsync(e => e.SetProperty(x => x.FailedAt, now).SetProperty(x => x.LastError, error), CancellationToken.None);
                LogGivenUp(logger, email.Id, attempts, exception);
            }
            else
            {
                var next = now + Retries[attempts - 1];
                await db.OutgoingEmails.Where(e => e.Id == email.Id)
                    .ExecuteUpdateAsync(e => e.SetProperty(x => x.NotBefore, next).SetProperty(x => x.LastError, error), CancellationToken.None);
                LogRetry(logger, email.Id, next, exception);
            }
            return false;
        }
        var sentAt = clock.GetUtcNow();
        await db.OutgoingEmails.Where(e => e.Id == email.Id)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
        return true;
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
