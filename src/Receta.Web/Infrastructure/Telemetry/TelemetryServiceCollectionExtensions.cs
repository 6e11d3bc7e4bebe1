using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Routing.Patterns;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz.Diagnostics;
using Receta.Data;

namespace Receta.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics of the web host, its database, its outgoing HTTP (webhooks), the
/// runtime and the scheduler's jobs. They are exported over OTLP only when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (in configuration or the environment; the exporter then
/// reads the other <c>OTEL_*</c> settings, protocol and headers included), and metrics are scraped at
/// <c>/metrics</c> only when <see cref="PrometheusScraping"/> is on. With neither, no provider is
/// registered at all: nothing listens to the app's activity sources and meters, so they cost nothing.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name unless the standard <c>OTEL_SERVICE_NAME</c> says another.</summary>
    public const string ServiceName = "receta";

    /// <summary>EF Core's own meter (active contexts, queries, saves); its activities come from the instrumentation.</summary>
    private const string EntityFrameworkMeter = "Microsoft.EntityFrameworkCore";

    /// <summary>
    /// Route parameters whose value is a credential: the calendar feed's secret and the signed links of
    /// nudge emails. A trace backend is read by more people than the database, where these are only hashes or signatures.
    /// </summary>
    private static readonly string[] CredentialParameters = ["secret", "token"];

    public static IServiceCollection AddRecetaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var scraping = PrometheusScraping.Read(configuration);
        services.AddSingleton(scraping);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (!otlp && !scraping.Enabled)
        {
            return services;
        }

        var postgres = DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Postgres;
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName;
        var version = typeof(TelemetryServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: version));

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(EntityFrameworkMeter, QuartzInstrumentation.MeterName, StampedResponses.MeterName);
            if (postgres)
            {
                metrics.AddNpgsqlInstrumentation();
            }
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
            if (scraping.Enabled)
            {
                metrics.AddPrometheusExporter();
            }
        });

        if (otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options =>
                    {
                        // Probes every few seconds would bury the requests people make.
                        options.Filter = http => !IsProbe(http.Request.Path);
                        options.EnrichWithHttpResponse = (activity, response) => HideCredentialInPath(activity, response.HttpContext);
                    })
                    .AddHttpClientInstrumentation()
                    .AddSource(QuartzInstrumentation.ActivitySourceName);
                // Npgsql sees every command on PostgreSQL, the scheduler's and the imports' COPY included;
                // EF's spans would repeat its own. SQLite's driver has no activities: EF's are the ones there.
                if (postgres)
                {
                    tracing.AddNpgsql();
                }
                else
                {
                    tracing.AddEntityFrameworkCoreInstrumentation();
                }
                tracing.AddOtlpExporter();
            });
        }
        return services;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(PrometheusScraping.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The route's template instead of the path, where the path is a credential (<see cref="CredentialParameters"/>).</summary>
    private static void HideCredentialInPath(Activity activity, HttpContext http)
    {
        if (http.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && CarriesCredential(pattern))
        {
            activity.SetTag("url.path", pattern.RawText);
        }
    }

    private static bool CarriesCredential(RoutePattern pattern) =>
        pattern.Parameters.Any(parameter => CredentialParameters.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase));
}
