using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Webhooks;

public static class DeleteWebhook
{
    /// <summary>Removes the webhook with its waiting messages and its deliveries log (they cascade).</summary>
    public static async Task<Outcome<bool>> HandleAsync(CurrentUser user, string webhookId, RecetaDbContext db, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var url = Guid.TryParse(webhookId, out var id)
            ? await db.Webhooks.Where(w => w.OwnerId == user.Id && w.Id == id).Select(w => w.Url).FirstOrDefaultAsync()
            : null;
        if (url is null || await db.Webhooks.Where(w => w.OwnerId == user.Id && w.Id == id).ExecuteDeleteAsync() == 0)
        {
            return Failure.NotFound("webhook");
        }
        await audit.RecordAsync(user.Id, AuditActions.WebhookRemoved, url);
        return true;
    }

    public static void Map(RouteGroupBuilder webhooks) =>
        webhooks.MapDelete("/{webhookId}", async (CurrentUser user, string webhookId, RecetaDbContext db, AuditLog audit) =>
                (await HandleAsync(user, webhookId, db, audit)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes one of your webhooks; nothing more is sent to it, not even what was waiting.");
}
