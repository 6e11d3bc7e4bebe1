using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Webhooks;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Webhooks;

public static class ListWebhooks
{
    public static async Task<Outcome<Page<WebhookResponse>>> HandleAsync(CurrentUser user, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        page.TryGetAfter<int>(0, out var skip);
        var rows = await db.Webhooks.AsNoTracking()
            .Where(w => w.OwnerId == user.Id)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Skip(skip).Take(page.Limit + 1)
            .ToListAsync();
        return rows.ToPage(page, From, _ => PageRequest.Encode(skip + page.Limit));
    }

    public static WebhookResponse From(Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(webhook.Id, webhook.Url, WebhookEventTypes.Parse(webhook.Events), webhook.GoalId, webhook.CreatedAt, webhook.DisabledAt);
    }

    public static void Map(RouteGroupBuilder webhooks) =>
        webhooks.MapGet("/", async (CurrentUser user, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(user, page, db)).ToOk();
            })
            .Produces<Page<WebhookResponse>>()
            .WithDescription("Your webhooks, oldest first, never their secrets; disabledAt is set on one turned off after 3 days of failed deliveries.");
}
