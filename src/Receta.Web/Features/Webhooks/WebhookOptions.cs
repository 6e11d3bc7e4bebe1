namespace Receta.Web.Features.Webhooks;

/// <summary>The <c>Webhooks:*</c> settings.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// <c>Webhooks:AllowPrivateNetworks</c>: false (the default) sends only to <c>https</c> URLs on public
    /// addresses, so that a webhook cannot make the server reach into its own network (SSRF). A
    /// self-hoster whose receivers live on the same network, and the tests' loopback receiver, set it to
    /// true: then any address, and plain <c>http</c>, is allowed.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
