using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The reverse proxies whose forwarded headers the app believes: <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR). A request from one of them is seen
/// with the client's address (<c>X-Forwarded-For</c>: rate limits, the audit log, the check of
/// <c>/metrics</c>), scheme (<c>X-Forwarded-Proto</c>: the redirect to https, Secure cookies) and host
/// (<c>X-Forwarded-Host</c>: the calendar feed's address). With neither setting nothing is read.
/// </summary>
/// <remarks>
/// The list replaces ASP.NET Core's default (loopback only), so that an operator says exactly whom
/// the app trusts. The headers are read from right to left for as long as the hop that added an
/// entry is itself trusted (no <see cref="ForwardedHeadersOptions.ForwardLimit"/>): a chain of
/// known proxies works, and an entry a client wrote itself stays in the header, unread, where
/// <c>/metrics</c> sees it and refuses. <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, ASP.NET Core's
/// own switch, still works and trusts every peer; use one or the other.
/// </remarks>
public sealed class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    private TrustedProxies(IReadOnlyList<IPAddress> proxies, IReadOnlyList<IPNetwork> networks)
    {
        Proxies = proxies;
        Networks = networks;
    }

    public IReadOnlyList<IPAddress> Proxies { get; }

    public IReadOnlyList<IPNetwork> Networks { get; }

    public bool Any => Proxies.Count > 0 || Networks.Count > 0;

    /// <summary>The settings; an address or network that does not parse fails the start, naming it.</summary>
    public static TrustedProxies Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new TrustedProxies(NetworkSettings.ReadAddresses(section, "KnownProxies"), NetworkSettings.ReadNetworks(section, "KnownNetworks"));
    }

    public ForwardedHeadersOptions Options()
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }
        return options;
    }
}

public static class TrustedProxiesExtensions
{
    /// <summary>
    /// First in the pipeline, so that everything after it (HSTS and the redirect to https, the
    /// check of <c>/metrics</c>, rate limits, the audit log) sees the client. Nothing when no proxy is named.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = TrustedProxies.Read(app.Configuration);
        return proxies.Any ? app.UseForwardedHeaders(proxies.Options()) : app;
    }
}
