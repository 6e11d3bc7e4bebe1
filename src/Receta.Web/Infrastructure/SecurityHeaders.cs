using Microsoft.AspNetCore.StaticAssets;
using Receta.Web.Components.Styles;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Sets the security headers on every answer, whatever produced it (an endpoint, a problem, a 404,
/// the exception handler, a static file): a Content-Security-Policy without inline script and
/// with no inline style but the pages' own sheets, each allowed by its hash; nosniff, no referrer, no framing, and <c>Cache-Control: no-store</c> on every API answer and
/// every signed-in one but a static file. HSTS (one year) is added outside Development and Testing.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    public static readonly string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self'; style-src 'self' {InlineStyles.PolicySources}; img-src 'self' data:; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The Scalar API reference starts itself with an inline module script and styles itself inline;
    /// only its own pages get these two relaxations. Everything still loads from this origin.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string ApiReferencePath = "/scalar";

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.OnStarting(() =>
        {
            Apply(http);
            return Task.CompletedTask;
        });
        return next(http);
    }

    private void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
            ? ApiReferencePolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // A static file is the same for everyone and keeps its own caching (fingerprinted ones for a
        // year): storing nothing would fetch the stylesheet anew on every page of a slow phone.
        var asset = http.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>();
        if (asset is not null && IsFingerprinted(asset) && !environment.IsDevelopment())
        {
            // A build, unlike a publish, serves even fingerprinted files as no-cache. Their name
            // changes with their content, so keep them a year whichever way the app was made.
            headers.CacheControl = "public, max-age=31536000, immutable";
        }
        if (asset is null
            && (http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)))
        {
            headers.CacheControl = "no-store";
            headers.Remove("Pragma");
        }
    }

    private static bool IsFingerprinted(StaticAssetDescriptor asset) =>
        asset.Properties.FirstOrDefault(p => p.Name == "fingerprint") is { Value.Length: > 0 } fingerprint
        && asset.Route.Contains(fingerprint.Value, StringComparison.Ordinal);
}

public static class SecurityHeadersExtensions
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// First in the pipeline but for forwarded headers and kept answers (which are sent with the
    /// headers of their first answer), so that every answer carries the headers.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }
        if (!app.Environment.IsDevelopment())
        {
            // The pages' cookies are __Host- cookies, which exist over https only: a page asked for
            // over plain http is sent to https. The API (a token in a header), its reference, the
            // health probe and the metrics answer where they are asked. Behind a TLS-terminating proxy,
            // name it in ForwardedHeaders:KnownProxies (TrustedProxies) so that its X-Forwarded-Proto
            // is read, or every page would be sent round again.
            app.UseWhen(http => !IsServedOverAnyScheme(http.Request.Path), pages => pages.UseHttpsRedirection());
        }
        return app;
    }

    private static bool IsServedOverAnyScheme(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Telemetry.PrometheusScraping.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(SecurityHeadersMiddleware.ApiReferencePath, StringComparison.OrdinalIgnoreCase);
}
