using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Receta.Data;

namespace Receta.Web.Infrastructure;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>The default scheme, forwarding to the bearer token or the session cookie (<see cref="SelectScheme"/>).</summary>
    public const string CallerScheme = "Caller";

    /// <summary>
    /// A bearer token when an Authorization header is sent; else the session cookie when there is one.
    /// With neither, the API challenges for a token (401) and a web page for the cookie, which sends
    /// the person to sign in.
    /// </summary>
    private static string SelectScheme(HttpContext http, string sessionCookie) =>
        http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
        || (!http.Request.Cookies.ContainsKey(sessionCookie) && WebPages.IsApi(http.Request))
            ? AccessTokenAuthenticationHandler.SchemeName
            : SessionCookie.SchemeName;

    /// <summary>
    /// Authentication by personal access token or session cookie, antiforgery for the cookie, Data
    /// Protection keys shared by every node through the database (encrypted at rest when a certificate
    /// is configured: <see cref="DataProtectionKeyEncryption"/>), HSTS, and the audit log.
    /// </summary>
    public static IServiceCollection AddRecetaSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var cookies = BrowserCookies.For(environment);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.Configure<BrowserSessionOptions>(configuration.GetSection(BrowserSessionOptions.Section));
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<StampedResponses>();

        services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, null, options => options.ForwardDefaultSelector = http => SelectScheme(http, cookies.Session))
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(SessionCookie.SchemeName, options =>
            {
                options.Cookie.Name = cookies.Session;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = cookies.SecurePolicy;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.Cookie.IsEssential = true;
                // The session row holds the absolute end; the cookie never slides past it.
                options.SlidingExpiration = false;
                options.EventsType = typeof(SessionCookieEvents);
            });

        services.AddAntiforgery(options =>
        {
            options.HeaderName = CookieAntiforgeryMiddleware.HeaderName;
            options.Cookie.Name = cookies.Antiforgery;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookies.SecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            // SecurityHeadersMiddleware sends X-Frame-Options: DENY on every answer.
            options.SuppressXFrameOptionsHeader = true;
        });

        services.AddDataProtection()
            .PersistKeysToDbContext<RecetaDbContext>()
            .ProtectKeysAtRest(configuration)
            .SetApplicationName("Receta");

        services.AddHsts(options =>
        {
            options.MaxAge = SecurityHeadersExtensions.HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        // Where plain http is sent (see UseSecurityHeaders): the configured https port, else 443.
        services.AddHttpsRedirection(options =>
            options.HttpsPort = configuration.GetValue<int?>("HTTPS_PORT") ?? configuration.GetValue<int?>("ASPNETCORE_HTTPS_PORT") ?? 443);
        return services;
    }
}
