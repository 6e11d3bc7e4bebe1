using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Quartz;
using Receta.Data;
using Receta.Data.Webhooks;
using Receta.Data.Sharding;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Webhooks;

/// <summary>
/// Delivers what the webhook outbox holds that is due, signed per Standard Webhooks, and records
/// every try. A non-2xx answer, no answer within 10 s, or a refused address is tried again after
/// 1 min, 5 min, 30 min, 2 h, 6 h and 12 h, and then given up; a webhook that has failed without a
/// success for 3 days is disabled, its waiting messages abandoned, and its owner told by email.
/// Each message is first claimed (its next try moved on by a lease, only if no one moved it since it
/// was read), so that of several senders at once one sends it; it is saved as soon as it is tried, so
/// a node stopping mid-batch resends at most one, after the lease.
/// </summary>
public sealed partial class WebhookSender(
    RecetaDbContext db, WebhookClient client, IDataProtectionProvider protection, EmailOutbox email, AuditLog audit,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger, IStringLocalizer<WebhookMail> texts)
{
    public const string SecretPurpose = "Receta.Webhooks.Secret";
    public const string SecretPrefix = "whsec_";

    /// <summary>After this long failing without a success, a webhook is disabled.</summary>
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(3);

    internal static readonly TimeSpan[] Retries =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    private const int Batch = 50;

    /// <summary>How long a claimed message is left to its sender before another may take it (a try takes at most 10 s).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Tries every message due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var protector = protection.CreateProtector(SecretPurpose);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = await db.WebhookMessages
                .AcrossOwners("the delivery job reads what is due for every owner")
                .Where(m => m.DeliveredAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                delivered += await TryAsync(message, protector, cancellationToken) ? 1 : 0;
            }
            if (due.Count < Batch)
            {
                break;
            }
        }
        return delivered;
    }

    /// <summary>The <c>webhook-signature</c> value: <c>v1,</c> and the base64 HMAC-SHA256, keyed by the secret's bytes, of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>A new signing secret: 256 random bits.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-id</c> of a message, the same on every retry.</summary>
    public static string EventId(Guid messageId) => "msg_" + messageId.ToString("N", CultureInfo.InvariantCulture);

    private async Task<bool> TryAsync(WebhookMessage message, IDataProtector protector, CancellationToken cancellationToken)
    {
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.OwnerId == message.OwnerId && w.Id == message.WebhookId, cancellationToken);
        var now = clock.GetUtcNow();
        if (webhook is null || webhook.DisabledAt is not null)
        {
            message.AbandonedAt = now;
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }

        var read = message.NextAttemptAt;
        var lease = now + Lease;
        var claimed = await db.WebhookMessages
            .Where(m => m.OwnerId == message.OwnerId && m.Id == message.Id && m.DeliveredAt == null && m.AbandonedAt == null && m.NextAttemptAt == read)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, lease), cancellationToken);
        if (claimed == 0)
        {
            // Another sender took it between our read and our claim.
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
        message.NextAttemptAt = lease;
        message.Attempts++;
        var attempt = new WebhookAttempt
        {
            OwnerId = message.OwnerId,
            Id = Guid.CreateVersion7(now),
            WebhookId = webhook.Id,
            MessageId = message.Id,
            Type = message.Type,
            Attempt = message.Attempts,
            At = now,
        };
        db.WebhookAttempts.Add(attempt);
        try
        {
            if (!options.Value.AllowPrivateNetworks && !webhook.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new WebhookRefusedException("refused: only https addresses are allowed");
            }
            var id = EventId(message.Id);
            var timestamp = now.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
            {
                Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", Sign(protector.Unprotect(webhook.ProtectedSecret), id, timestamp, message.Body));
            // The 10 s cover the whole exchange, the answer's body too: a receiver that sends its
            // headers and then trickles cannot hold the job.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(WebhookClient.Timeout);
            using var response = await client.SendAsync(request, limit.Token);
            attempt.StatusCode = (int)response.StatusCode;
            attempt.ResponseBody = await ReadStartAsync(response, limit.Token);
            if (!response.IsSuccessStatusCode)
            {
                attempt.Error = $"the receiver answered {(int)response.StatusCode}";
            }
        }
        catch (WebhookRefusedException refused)
        {
            attempt.Error = refused.Message;
        }
        catch (HttpRequestException exception) when (exception.InnerException is WebhookRefusedException refused)
        {
            attempt.Error = refused.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            attempt.Error = $"no answer within {WebhookClient.Timeout.TotalSeconds:N0} s";
        }
        // The boundary with a system outside: whatever went wrong there (a reset connection, a bad
        // certificate, a secret that the data protection keys no longer open) is this try's failure,
        // recorded and retried, and never stops the other messages.
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            attempt.Error = exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
        }
        if (attempt.Error is { Length: > WebhookAttempt.MaxErrorLength } tooLong)
        {
            attempt.Error = tooLong[..WebhookAttempt.MaxErrorLength];
        }

        var succeeded = attempt.Error is null;
        if (succeeded)
        {
            message.DeliveredAt = now;
            webhook.FailingSince = null;
        }
        else
        {
            webhook.FailingSince ??= now;
            if (now - webhook.FailingSince >= DisableAfter)
            {
                await DisableAsync(webhook, now, cancellationToken);
            }
            else if (message.Attempts > Retries.Length)
            {
                message.AbandonedAt = now;
            }
            else
            {
                message.NextAttemptAt = now + Retries[message.Attempts - 1];
            }
            LogFailed(logger, webhook.Id, message.Id, message.Attempts, attempt.Error!);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return succeeded;
    }

    /// <summary>Turns the webhook off, gives up its waiting messages (the one being tried among them) and queues the email to its owner.</summary>
    private async Task DisableAsync(Webhook webhook, DateTimeOffset now, CancellationToken cancellationToken)
    {
        webhook.DisabledAt = now;
        audit.Add(webhook.OwnerId, AuditActions.WebhookDisabled, webhook.Url, webhook.GoalId);
        LogDisabled(logger, webhook.Id, webhook.FailingSince!.Value);
        foreach (var waiting in db.WebhookMessages.Local.Where(m => m.WebhookId == webhook.Id && m.DeliveredAt == null && m.AbandonedAt == null))
        {
            waiting.AbandonedAt = now;
        }
        await db.WebhookMessages
            .Where(m => m.OwnerId == webhook.OwnerId && m.WebhookId == webhook.Id && m.DeliveredAt == null && m.AbandonedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.AbandonedAt, now), cancellationToken);
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == webhook.OwnerId, cancellationToken);
        if (owner.Email is null)
        {
            return;
        }
        var culture = Localization.OfAccount(owner.Language);
        var since = webhook.FailingSince!.Value.ToString("u", CultureInfo.InvariantCulture);
        email.Queue(
            Localization.InCulture(culture, () => new EmailMessage(owner.Email, texts["DisabledSubject"], texts["DisabledBody", webhook.Url, since])),
            owner.Id);
    }

    /// <summary>The first 1 KB of the receiver's answer, for the deliveries log; the rest is not read.</summary>
    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new char[WebhookAttempt.MaxResponseLength];
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: message {MessageId} failed on try {Attempt}: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid webhookId, Guid messageId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} was disabled after failing since {FailingSince}")]
    private static partial void LogDisabled(ILogger logger, Guid webhookId, DateTimeOffset failingSince);
}

/// <summary>The scheduler's webhook job: the webhook outbox, every 15 seconds, on one node at a time.</summary>
public sealed class WebhookJob(WebhookSender sender) : IJob
{
    public static readonly Infrastructure.Scheduling.RecurringJob Schedule =
        Infrastructure.Scheduling.RecurringJob.Of<WebhookJob>("webhooks", TimeSpan.FromSeconds(15));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sender.SendDueAsync(cancellationToken);
}
