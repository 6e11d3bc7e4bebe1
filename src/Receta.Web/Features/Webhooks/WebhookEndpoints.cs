using Microsoft.EntityFrameworkCore.Diagnostics;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Webhooks;

public static class WebhookEndpoints
{
    /// <summary><c>/api/v1/webhooks</c>: make, list and remove the account's webhooks, and read their deliveries.</summary>
    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        CreateWebhook.Map(webhooks);
        ListWebhooks.Map(webhooks);
        DeleteWebhook.Map(webhooks);
        ListWebhookDeliveries.Map(webhooks);
    }

    /// <summary>The <c>Webhooks:*</c> settings, the event outbox on every save and around every goal change, the delivery client and the sender the scheduler's job runs.</summary>
    public static IServiceCollection AddRecetaWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WebhookOptions>(configuration.GetSection("Webhooks"));
        services.AddSingleton<ISaveChangesInterceptor, WebhookEvents>();
        services.AddSingleton<IGoalWriteObserver, GoalStatusEvents>();
        services.AddSingleton<WebhookClient>();
        services.AddScoped<WebhookSender>();
        return services;
    }
}
