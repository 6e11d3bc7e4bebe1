namespace Receta.Web.Infrastructure;

/// <summary>
/// Sets the security headers on every answer, whatever produced it (an endpoint, a problem, a 404,
/// the exception handler, a static file): a Content-Security-Policy without inline script,
/// nosniff, no referrer, no framing, and <c>Cache-Control: no-store</c> on every API answer and
/// every signed-in one. HSTS (one year) is added outside Development and Testing.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
        + "base-uri 'self'; form-action 'self'; object-src 'none'";

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

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
            ? ApiReferencePolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (http.User.Identity?.IsAuthenticated == true || http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
            headers.Remove("Pragma");
        }
    }
}

public static class SecurityHeadersExtensions
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>First in the pipeline, so that every answer carries the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }
        return app;
    }
}
