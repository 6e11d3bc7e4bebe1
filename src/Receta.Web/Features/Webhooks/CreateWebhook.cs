using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Data.Webhooks;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Webhooks;

/// <summary>
/// Makes a webhook (connections.md §5): its secret is shown this once and kept encrypted by the app's
/// data protection, since every delivery is signed with it (a hash, as for tokens, would not do).
/// </summary>
public static class CreateWebhook
{
    /// <summary>How many webhooks one account may have.</summary>
    public const int MaxPerAccount = 20;

    public static async Task<Outcome<CreatedWebhookResponse>> HandleAsync(
        CurrentUser user, CreateWebhookRequest request, RecetaDbContext db, IDataProtectionProvider protection, WebhookOptions options, AuditLog audit, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(audit);
        var errors = new RequestErrors();
        var url = request.Url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            errors.Add("url", "'url' is required.");
        }
        else if (url.Length > Webhook.MaxUrlLength)
        {
            errors.Add("url", $"'url' must be at most {Webhook.MaxUrlLength} characters.");
        }
        else if (WebhookAddresses.Refusal(url, options.AllowPrivateNetworks) is { } refusal)
        {
            errors.Add("url", refusal);
        }
        else if (!options.AllowPrivateNetworks && await WebhookAddresses.ResolvedRefusalAsync(url) is { } resolved)
        {
            errors.Add("url", resolved);
        }
        var events = ReadEvents(request.Events, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        // Only the owner's own goals: a webhook sees every event of the goal, more than a circle role may read.
        if (request.GoalId is { } goalId && !await db.Goals.AnyAsync(g => g.OwnerId == user.Id && g.Id == goalId))
        {
            return Failure.NotFound("goal");
        }
        if (await db.Webhooks.CountAsync(w => w.OwnerId == user.Id) >= MaxPerAccount)
        {
            return Failure.Conflict($"An account can have at most {MaxPerAccount} webhooks; remove one first.");
        }

        var now = clock.GetUtcNow();
        var secret = WebhookSender.NewSecret();
        var webhook = new Webhook
        {
            OwnerId = user.Id,
            Id = Guid.CreateVersion7(now),
            Url = url!,
            Events = string.Join(' ', events),
            GoalId = request.GoalId,
            ProtectedSecret = protection.CreateProtector(WebhookSender.SecretPurpose).Protect(secret),
            CreatedAt = now,
        };
        db.Webhooks.Add(webhook);
        audit.Add(user.Id, AuditActions.WebhookCreated, webhook.Url, webhook.GoalId);
        await db.SaveChangesAsync();
        return new CreatedWebhookResponse(webhook.Id, webhook.Url, events, webhook.GoalId, secret);
    }

    /// <summary>The event types asked for: at least one, each known, each once, in the order of <see cref="WebhookEventTypes.All"/>.</summary>
    private static string[] ReadEvents(IReadOnlyList<string>? requested, RequestErrors errors)
    {
        if (requested is null || requested.Count == 0)
        {
            errors.Add("events", $"'events' must name at least one of: {string.Join(", ", WebhookEventTypes.All)}.");
            return [];
        }
        if (requested.Count > WebhookEventTypes.All.Count)
        {
            errors.Add("events", $"'events' names at most the {WebhookEventTypes.All.Count} events there are, each once.");
            return [];
        }
        foreach (var unknown in requested.Where(e => !WebhookEventTypes.All.Contains(e)).Distinct())
        {
            errors.Add("events", $"'{unknown}' is not an event; use: {string.Join(", ", WebhookEventTypes.All)}.");
        }
        return [.. WebhookEventTypes.All.Where(requested.Contains)];
    }

    public static void Map(RouteGroupBuilder webhooks) =>
        webhooks.MapPost("/", async (CurrentUser user, CreateWebhookRequest request, RecetaDbContext db, IDataProtectionProvider protection, IOptions<WebhookOptions> options, AuditLog audit, TimeProvider clock) =>
                (await HandleAsync(user, request, db, protection, options.Value, audit, clock)).ToResult(webhook =>
                    TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", webhook)))
            .Produces<CreatedWebhookResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Makes a webhook: url receives a signed POST (Standard Webhooks) for each of the events named; with goalId, only that goal's (one of your own: 404 otherwise). The secret is shown this once. Only https URLs on public addresses unless the server allows private networks; at most 20 per account (409).");
}
