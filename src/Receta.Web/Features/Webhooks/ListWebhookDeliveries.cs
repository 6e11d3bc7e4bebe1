using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Webhooks;

public static class ListWebhookDeliveries
{
    /// <summary>How many of the latest tries the log shows.</summary>
    public const int Latest = 100;

    public static async Task<Outcome<WebhookDeliveriesResponse>> HandleAsync(CurrentUser user, string webhookId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        if (!Guid.TryParse(webhookId, out var id) || !await db.Webhooks.AnyAsync(w => w.OwnerId == user.Id && w.Id == id))
        {
            return Failure.NotFound("webhook");
        }
        var attempts = await db.WebhookAttempts.AsNoTracking()
            .Where(a => a.OwnerId == user.Id && a.WebhookId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Latest)
            .ToListAsync();
        return new WebhookDeliveriesResponse(
            [.. attempts.Select(a => new WebhookDeliveryResponse(WebhookSender.EventId(a.MessageId), a.Type, a.Attempt, a.At, a.StatusCode, a.Error))]);
    }

    public static void Map(RouteGroupBuilder webhooks) =>
        webhooks.MapGet("/{webhookId}/deliveries", async (CurrentUser user, string webhookId, RecetaDbContext db) =>
                (await HandleAsync(user, webhookId, db)).ToOk())
            .Produces<WebhookDeliveriesResponse>()
            .WithDescription("The webhook's last 100 delivery attempts, newest first: the event's id (webhook-id) and type, which try it was, when, the receiver's status code, and the error when it failed.");
}
