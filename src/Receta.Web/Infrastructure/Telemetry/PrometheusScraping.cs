using System.Net;

namespace Receta.Web.Infrastructure.Telemetry;

/// <summary>
/// The Prometheus scraping endpoint, <c>GET /metrics</c>: off unless <c>Metrics:Prometheus:Enabled</c>,
/// and then answered only to a direct connection from loopback or from a network of
/// <c>Metrics:Prometheus:AllowedNetworks</c> (CIDR, comma-separated or a list). Any other request
/// goes on down the pipeline as if the endpoint did not exist, and gets its 404.
/// </summary>
/// <remarks>
/// A request that came through a proxy the app does not know (it still carries <c>X-Forwarded-For</c>
/// or <c>Forwarded</c>) is refused too: a reverse proxy on the same machine connects from loopback,
/// and would otherwise hand the metrics to anyone it serves. Behind a proxy named in
/// <see cref="TrustedProxies"/>, the entries it vouches for have been read and removed from the
/// header before this check: the client's own address is the one checked, and a request whose
/// header keeps an entry no trusted proxy added (a client's own) is refused.
/// </remarks>
public sealed class PrometheusScraping
{
    public const string Path = "/metrics";
    public const string Section = "Metrics:Prometheus";

    private PrometheusScraping(bool enabled, IReadOnlyList<IPNetwork> allowedNetworks)
    {
        Enabled = enabled;
        AllowedNetworks = allowedNetworks;
    }

    public bool Enabled { get; }

    /// <summary>Besides loopback, which is always allowed.</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; }

    /// <summary>The settings; a network that is not CIDR fails the start, naming it.</summary>
    public static PrometheusScraping Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var enabled = section.GetValue("Enabled", false);
        var networks = NetworkSettings.ReadNetworks(section, "AllowedNetworks");
        return new PrometheusScraping(enabled, networks);
    }

    /// <summary>Whether this request may read the metrics: a GET to <see cref="Path"/> from an allowed, direct client.</summary>
    public bool Allows(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || !request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
            || request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded"))
        {
            return false;
        }
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address) || AllowedNetworks.Any(network => network.Contains(address));
    }
}

public static class PrometheusScrapingExtensions
{
    /// <summary>
    /// The scraping endpoint as a branch of the pipeline, ahead of authentication, antiforgery and the
    /// API's middleware (none of which applies to it) and outside the endpoints, so it is not in the
    /// OpenAPI document. Nothing at all when it is off.
    /// </summary>
    public static IApplicationBuilder UsePrometheusScraping(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scraping = app.Services.GetRequiredService<PrometheusScraping>();
        return scraping.Enabled ? app.UseOpenTelemetryPrometheusScrapingEndpoint(scraping.Allows) : app;
    }
}
