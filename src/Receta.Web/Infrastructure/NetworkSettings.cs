using System.Net;

namespace Receta.Web.Infrastructure;

/// <summary>Addresses and networks read from configuration: one value, comma-separated, or a list (<c>:0</c>, <c>:1</c>, …).</summary>
public static class NetworkSettings
{
    /// <summary>The networks under <paramref name="key"/> of <paramref name="section"/>, in CIDR; one that is not fails the start, naming it.</summary>
    public static IReadOnlyList<IPNetwork> ReadNetworks(IConfigurationSection section, string key) =>
        [.. Values(section, key).Select(value => IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException(
                $"{section.Path}:{key}: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8 or fd00::/8)."))];

    /// <summary>The addresses under <paramref name="key"/> of <paramref name="section"/>; one that is not an IP address fails the start, naming it.</summary>
    public static IReadOnlyList<IPAddress> ReadAddresses(IConfigurationSection section, string key) =>
        [.. Values(section, key).Select(value => IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException(
                $"{section.Path}:{key}: '{value}' is not an IP address (e.g. 10.0.0.5 or fd00::5)."))];

    private static IEnumerable<string> Values(IConfigurationSection section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        var listed = section.GetSection(key);
        return new[] { listed.Value }
            .Concat(listed.GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
