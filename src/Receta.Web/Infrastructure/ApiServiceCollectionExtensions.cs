using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Receta.Web.Features.Accounts;
using Receta.Web.Features.Calendar;
using Receta.Web.Features.Progress;

namespace Receta.Web.Infrastructure;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddRecetaApi(this IServiceCollection services, IWebHostBuilder webHost, IHostEnvironment environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        services.AddRecetaOpenApi(environment, configuration);
        webHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxRequestBodyBytes);

        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        // Binding failures throw so that ProblemExceptionHandler can name the field in a 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Authentication (token or session cookie) is set up by AddRecetaSecurity.
        services.AddAuthorization();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
            // A calendar app reads its feed about hourly; a feed is costly to compute and asks for no credentials.
            options.AddPolicy(ServeCalendarFeed.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                if (WebPages.IsPage(context.HttpContext))
                {
                    // The error page says it, in the person's language.
                    context.HttpContext.Response.SetRetryAfter(retryAfter);
                    return;
                }
                await new TooManyRequestsFailure(retryAfter).ToResult().ExecuteAsync(context.HttpContext);
            };
        });

        services.AddMemoryCache(options => options.SizeLimit = 5_000_000);
        services.AddSingleton<GoalViewCache>();
        services.AddSingleton<GoalHistories>();
        services.AddScoped<GoalWriter>();
        return services;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
