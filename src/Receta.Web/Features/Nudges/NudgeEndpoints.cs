namespace Receta.Web.Features.Nudges;

public static class NudgeEndpoints
{
    public static IServiceCollection AddRecetaNudges(this IServiceCollection services)
    {
        services.AddSingleton<NudgeLinks>();
        services.AddScoped<NudgeMail>();
        services.AddScoped<ReminderSweep>();
        services.AddScoped<RiskSweep>();
        services.AddScoped<DigestSweep>();
        services.AddScoped<CircleNewsSweep>();
        return services;
    }

    public static void MapNudges(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        NotificationSettingsEndpoints.Map(api);
    }
}
