using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Receta.Web.Features.Webhooks;

/// <summary>
/// The one HTTP client deliveries go through. Unless private networks are allowed, its connections
/// resolve the host themselves, refuse if any address it resolves to is not public, and connect to
/// the very addresses checked: a second lookup by the socket, which a rebinding DNS server could
/// answer differently, never happens. Redirects are not followed (a 3xx is a failed delivery), so a
/// public receiver cannot bounce a delivery inward either.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    /// <summary>How long a receiver has to answer before the delivery counts as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public WebhookClient(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowPrivate = options.Value.AllowPrivateNetworks;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = Timeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivate, cancellationToken),
        };
        _http = new HttpClient(handler) { Timeout = Timeout };
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = await WebhookAddresses.ResolveAsync(endPoint.Host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new WebhookRefusedException($"refused: {endPoint.Host} resolves to no address");
        }
        if (!allowPrivate && WebhookAddresses.FirstNotPublic(addresses) is { } inner)
        {
            throw new WebhookRefusedException($"refused: {endPoint.Host} resolves to a private address ({inner})");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery not even tried, because of where it would have gone.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
