using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Tests.Security;
using Receta.Web.Tests.Webhooks;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry over OTLP (http/protobuf) to a collector on loopback when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: traces of requests with their database commands, and
/// metrics, under the service name <c>receta</c>; with it unset, no telemetry provider at all.
/// </summary>
public abstract class TelemetryTests(RecetaApp shared)
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(20);

    /// <summary>The <c>db.system</c> the database spans name.</summary>
    protected abstract string DatabaseSystem { get; }

    [Fact]
    public void Otlp_EndpointUnset_RegistersNoTelemetry()
    {
        Assert.Null(shared.Services.GetService<TracerProvider>());
        Assert.Null(shared.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Otlp_EndpointSet_ExportsRequestsWithTheirDatabaseCommandsAndMetrics()
    {
        await using var collector = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync(collector);
        var user = await app.CreateUserAsync();

        using var goals = await user.Api.GetAsync("/api/v1/goals", TestContext.Current.CancellationToken);
        await goals.AssertStatusAsync(HttpStatusCode.OK);

        var traces = await ExportedAsync(collector, "/v1/traces", body => body.Contains("GET /api/v1/goals", StringComparison.Ordinal)
            && body.Contains(DatabaseSystem, StringComparison.Ordinal));
        var metrics = await ExportedAsync(collector, "/v1/metrics", body => body.Contains("http.server.request.duration", StringComparison.Ordinal));
        Assert.Contains("service.name", traces, StringComparison.Ordinal);
        Assert.Contains("receta", traces, StringComparison.Ordinal);
        Assert.Contains("receta", metrics, StringComparison.Ordinal);
    }

    private protected Task<RecetaApp> StartAsync(WebhookReceiver collector) =>
        OwnApp.InitializeOrDisposeAsync(new RecetaApp(shared.Provider, server: shared.Postgres)
        {
            Settings = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                // Sent within a fraction of a second instead of every 5 s (spans) and 60 s (metrics).
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            },
        });

    /// <summary>All that was exported on <paramref name="path"/> once one export there satisfies <paramref name="wanted"/>.</summary>
    private protected static async Task<string> ExportedAsync(WebhookReceiver collector, string path, Func<string, bool> wanted)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var bodies = string.Join('\n', collector.Requests.Where(r => r.Path == path).Select(r => r.Body));
            if (collector.Requests.Any(r => r.Path == path && wanted(r.Body)))
            {
                return bodies;
            }
            if (waited.Elapsed > ExportWait)
            {
                throw new TestAssertionException($"Nothing wanted was exported to {path} within {ExportWait}; it received {collector.Requests.Count(r => r.Path == path)} exports.");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class TelemetryTests_Sqlite(SqliteApp app) : TelemetryTests(app)
{
    protected override string DatabaseSystem => "sqlite";

    [Fact]
    public async Task Otlp_CalendarFeedRead_TraceHasTheRouteNotTheSecret()
    {
        await using var collector = await WebhookReceiver.StartAsync();
        await using var app = await StartAsync(collector);
        var user = await app.CreateUserAsync();
        using var created = await user.Api.PostAsync("/api/v1/calendar", null, TestContext.Current.CancellationToken);
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var feed = new Uri((await created.ReadJsonAsync()).GetProperty("url").GetString()!);
        var secret = Path.GetFileNameWithoutExtension(feed.AbsolutePath);

        // Over https, as a calendar app reads it (plain http is redirected outside Development).
        using var calendarApp = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var read = await calendarApp.GetAsync(feed.AbsolutePath, TestContext.Current.CancellationToken);
        await read.AssertStatusAsync(HttpStatusCode.OK);

        var traces = await ExportedAsync(collector, "/v1/traces", body => body.Contains("/calendar/{secret}.ics", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, traces, StringComparison.Ordinal);
    }
}

public sealed class TelemetryTests_Postgres(PostgresApp app) : TelemetryTests(app)
{
    protected override string DatabaseSystem => "postgresql";
}
