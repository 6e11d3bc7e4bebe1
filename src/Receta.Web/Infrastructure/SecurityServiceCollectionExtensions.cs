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
    private static string SelectScheme(HttpContext http) =>
        http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
        || (!http.Request.Cookies.ContainsKey(SessionCookie.CookieName) && WebPages.IsApi(http.Request))
            ? AccessTokenAuthenticationHandler.SchemeName
            : SessionCookie.SchemeName;

    /// <summary>
    /// Authentication by personal access token or session cookie, antiforgery for the cookie, Data
    /// Protection keys shared by every node through the database, HSTS, and the audit log.
    /// </summary>
    public static IServiceCollection AddRecetaSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.Configure<BrowserSessionOptions>(configuration.GetSection(BrowserSessionOptions.Section));
        services.AddScoped<SessionCookieEvents>();

        services.AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, null, options => options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(SessionCookie.SchemeName, options =>
            {
                options.Cookie.Name = SessionCookie.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
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
            options.Cookie.Name = "__Host-receta-csrf";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            // SecurityHeadersMiddleware sends X-Frame-Options: DENY on every answer.
            options.SuppressXFrameOptionsHeader = true;
        });

        services.AddDataProtection()
            .PersistKeysToDbContext<RecetaDbContext>()
            .SetApplicationName("Receta");

        services.AddHsts(options =>
        {
            options.MaxAge = SecurityHeadersExtensions.HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        return services;
    }
}
