using System.Net;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Tests.Security;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// <c>GET /metrics</c>: not there unless <c>Metrics:Prometheus:Enabled</c>; then Prometheus text to
/// a direct client on loopback or an allowed network, and the same 404 as an unknown address to anyone else.
/// </summary>
public abstract class PrometheusMetricsTests(RecetaApp shared)
{
    /// <summary>A metric of the database layer: EF Core's own on SQLite, Npgsql's connection pool on PostgreSQL.</summary>
    protected abstract string DatabaseMetric { get; }

    [Fact]
    public async Task Metrics_NotEnabled_Returns404()
    {
        using var response = await shared.CreateApiClient().GetAsync("/metrics", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_EnabledFromLoopback_AnswersPrometheusText()
    {
        await using var app = await StartAsync(new Dictionary<string, string> { ["Metrics:Prometheus:Enabled"] = "true" });
        using var loopback = new HttpClient { BaseAddress = app.ServerAddress };
        using (var health = await loopback.GetAsync("/healthz", TestContext.Current.CancellationToken))
        {
            await health.AssertStatusAsync(HttpStatusCode.OK);
        }

        using var response = await loopback.GetAsync("/metrics", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("service_name=\"receta\"", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/healthz\"", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        Assert.Contains(DatabaseMetric, text, StringComparison.Ordinal);
    }

    /// <summary>The app on real Kestrel, so that a client on loopback is one.</summary>
    private protected Task<RecetaApp> StartAsync(IReadOnlyDictionary<string, string> settings) =>
        OwnApp.InitializeOrDisposeAsync(new RecetaApp(shared.Provider, useKestrel: true, server: shared.Postgres) { Settings = settings });
}

public sealed class PrometheusMetricsTests_Sqlite(SqliteApp app) : PrometheusMetricsTests(app)
{
    protected override string DatabaseMetric => "microsoft_entityframeworkcore_queries_total";

    [Fact]
    public async Task Metrics_EnabledFromOtherNetworks_OnlyAnswersTheAllowedOnes()
    {
        await using var app = await StartAsync(new Dictionary<string, string>
        {
            ["Metrics:Prometheus:Enabled"] = "true",
            ["Metrics:Prometheus:AllowedNetworks"] = "192.0.2.0/24, 10.99.0.0/16",
        });

        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(app, "10.99.3.4"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusFromAsync(app, "10.98.3.4"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusFromAsync(app, "203.0.113.9"));
    }

    [Fact]
    public async Task Metrics_ThroughAProxyOnLoopback_Returns404()
    {
        await using var app = await StartAsync(new Dictionary<string, string> { ["Metrics:Prometheus:Enabled"] = "true" });
        using var proxied = new HttpClient { BaseAddress = app.ServerAddress };
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await proxied.GetAsync("/metrics", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_BehindATrustedProxy_ChecksTheClientsOwnAddress()
    {
        await using var app = await StartAsync(new Dictionary<string, string>
        {
            ["Metrics:Prometheus:Enabled"] = "true",
            ["Metrics:Prometheus:AllowedNetworks"] = "10.99.0.0/16",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        });

        // The proxy on loopback vouches for the client's address, which is the one checked.
        Assert.Equal(HttpStatusCode.OK, await StatusThroughProxyAsync(app, "10.99.3.4"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusThroughProxyAsync(app, "203.0.113.9"));
        // The allowed client forwards for someone else (it wrote an entry of its own, or is a proxy
        // itself): that entry is not read, stays in the header, and the request is refused.
        Assert.Equal(HttpStatusCode.NotFound, await StatusThroughProxyAsync(app, "203.0.113.9, 10.99.3.4"));
    }

    [Fact]
    public async Task Start_KnownNetworkNotCidr_FailsNamingIt()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8, 192.168.1.1",
        }));

        Assert.Contains("ForwardedHeaders:KnownNetworks: '192.168.1.1' is not a network in CIDR notation", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> StatusThroughProxyAsync(RecetaApp app, string forwardedFor)
    {
        using var proxy = new HttpClient { BaseAddress = app.ServerAddress };
        proxy.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var response = await proxy.GetAsync("/metrics", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task Start_AllowedNetworkNotCidr_FailsNamingIt()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new Dictionary<string, string>
        {
            ["Metrics:Prometheus:Enabled"] = "true",
            ["Metrics:Prometheus:AllowedNetworks:0"] = "10.0.0.0/33",
        }));

        Assert.Contains("Metrics:Prometheus:AllowedNetworks: '10.0.0.0/33' is not a network in CIDR notation", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What <c>/metrics</c> answers a client that stands for <paramref name="address"/>.</summary>
    private static async Task<HttpStatusCode> StatusFromAsync(RecetaApp app, string address)
    {
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Add(RecetaApp.ClientAddressHeader, address);
        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

public sealed class PrometheusMetricsTests_Postgres(PostgresApp app) : PrometheusMetricsTests(app)
{
    protected override string DatabaseMetric => "db_client_connection_count";
}
