using System.Net;
using System.Net.Sockets;

namespace Receta.Web.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may reach when private networks are not allowed: public unicast only.
/// Checked on the URL and the addresses its host resolves to when a webhook is made, and again on every address its host resolves to at each send
/// (<see cref="WebhookClient"/>), so that a name pointed at an inner address later (DNS rebinding) is caught.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Why <paramref name="url"/> may not be a webhook's address, or null when it may.</summary>
    public static string? Refusal(string url, bool allowPrivateNetworks)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "'url' must be an absolute https URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "'url' may not carry a user name or password.";
        }
        if (allowPrivateNetworks)
        {
            return null;
        }
        if (uri.Scheme != "https")
        {
            return "'url' must use https.";
        }
        // The host's own name is resolved at each send; a literal address and the names that always
        // mean this machine (RFC 6761) are refused already here.
        var host = uri.IdnHost;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "'url' may not point at this machine (localhost).";
        }
        if (IPAddress.TryParse(host, out var address) && !IsPublic(address))
        {
            return $"'url' may not point at a private, loopback, link-local or otherwise non-public address ({address}).";
        }
        return null;
    }

    /// <summary>How long making a webhook waits for its host's name to resolve.</summary>
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Why the host name of <paramref name="url"/> (one <see cref="Refusal"/> let through) may not be a
    /// webhook's, or null: it resolves to an address that is not public. A name that does not resolve
    /// (yet), or not within 3 seconds, passes here: each send resolves it again and refuses it then.
    /// </summary>
    public static async Task<string?> ResolvedRefusalAsync(string url)
    {
        using var timeout = new CancellationTokenSource(ResolveTimeout);
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(new Uri(url).IdnHost, timeout.Token);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return null;
        }
        return FirstNotPublic(addresses) is { } inner
            ? $"'url' names a host that resolves to a private, loopback, link-local or otherwise non-public address ({inner})."
            : null;
    }

    /// <summary>The addresses <paramref name="host"/> stands for: itself when it is a literal address, else what DNS answers now.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>The first of <paramref name="addresses"/> that is not public (<see cref="IsPublic"/>), or null.</summary>
    public static IPAddress? FirstNotPublic(IEnumerable<IPAddress> addresses) => addresses.FirstOrDefault(a => !IsPublic(a));

    /// <summary>
    /// Whether <paramref name="address"/> is a public unicast address: not unspecified, loopback,
    /// private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16,
    /// fe80::/10), multicast, reserved or for documentation, nor any of those inside IPv4-mapped
    /// (::ffff:0:0/96), IPv4-compatible or NAT64 (64:ff9b::/96) IPv6.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (address.IsIPv4MappedToIPv6)
            {
                return IsPublic(address.MapToIPv4());
            }
            if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            {
                // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d.
                return false;
            }
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
            }
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xfe) == 0xfc
                || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8));
        }
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 0 // this network, unspecified
            || b[0] == 10
            || b[0] == 127
            || (b[0] == 100 && (b[1] & 0xc0) == 64)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && (b[1] & 0xf0) == 16)
            || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 198 && (b[1] & 0xfe) == 18)
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113)
            || b[0] >= 224); // multicast, reserved and broadcast
    }
}
