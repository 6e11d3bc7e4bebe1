using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Data;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The browser's sign-in: a <c>__Host-receta</c> cookie (Secure, HttpOnly, SameSite=Lax, path /)
/// that names a server-side <see cref="Receta.Data.Accounts.UserSession"/>. The cookie alone is
/// never enough: every request looks the session up, so deleting the row (sign-out, a password
/// change, removing the account) or reaching its absolute end or idle limit ends it at once.
/// </summary>
public static class SessionCookie
{
    public const string SchemeName = "Session";
    public const string CookieName = "__Host-receta";
    public const string SessionIdClaim = "sid";

    /// <summary>What the cookie carries: the account and the session, nothing else.</summary>
    public static ClaimsPrincipal Principal(Guid userId, Guid sessionId) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimNames.UserId, userId.ToString()),
                new Claim(SessionIdClaim, sessionId.ToString()),
            ],
            SchemeName));

    /// <summary>The session of a cookie-authenticated caller; null for a bearer token or no one.</summary>
    public static Guid? SessionId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, AuthenticationType: SchemeName }
            && Guid.TryParse(user.FindFirstValue(SessionIdClaim), out var id)
                ? id
                : null;
    }

    /// <summary>The account and id of a cookie-authenticated caller's session, as a session is keyed; null for a bearer token or no one.</summary>
    public static (Guid UserId, Guid Id)? Session(ClaimsPrincipal user) =>
        SessionId(user) is { } id && Guid.TryParse(user.FindFirstValue(ClaimNames.UserId), out var userId) ? (userId, id) : null;

    public static bool IsCookieAuthenticated(ClaimsPrincipal user) => SessionId(user) is not null;
}

/// <summary>
/// The names and Secure policy of the browser's cookies. Everywhere but Development they are
/// <c>__Host-</c> cookies, sent over https only. Development serves plain http://localhost
/// (<c>dotnet run</c>), where a Secure cookie is neither set by every browser nor allowed by
/// antiforgery, and a <c>__Host-</c> name demands Secure: there the cookies follow the request's
/// scheme and drop the prefix.
/// </summary>
public sealed record BrowserCookies(string Session, string Antiforgery, CookieSecurePolicy SecurePolicy)
{
    public static readonly BrowserCookies Hardened = new(SessionCookie.CookieName, "__Host-receta-csrf", CookieSecurePolicy.Always);

    public static readonly BrowserCookies LocalDevelopment = new("receta-dev", "receta-dev-csrf", CookieSecurePolicy.SameAsRequest);

    public static BrowserCookies For(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() ? LocalDevelopment : Hardened;
    }
}

/// <summary>How long a browser session lasts (<c>Auth:SessionLifetime</c>, <c>Auth:SessionIdleTimeout</c>).</summary>
public sealed class BrowserSessionOptions
{
    public const string Section = "Auth";

    /// <summary>The absolute lifetime, however active the session is. 30 days unless configured.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A session unused this long ends. 7 days unless configured.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Validates the session behind every cookie. Where the cookie handler would redirect, the API
/// answers with problem details (401, 403); a web page sends the person to sign in, or shows the 403 page.
/// </summary>
public sealed class SessionCookieEvents(RecetaDbContext db, TimeProvider clock, IOptions<BrowserSessionOptions> options)
    : CookieAuthenticationEvents
{
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (WebPages.IsShowingOutagePage(context.HttpContext))
        {
            // Set aside for this one answer, not signed out: the session is most likely still valid.
            context.RejectPrincipal();
            return;
        }
        var principal = context.Principal;
        if (principal is null
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.UserId), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(SessionCookie.SessionIdClaim), out var sessionId))
        {
            await RejectAsync(context);
            return;
        }

        var cancellation = context.HttpContext.RequestAborted;
        var now = clock.GetUtcNow();
        var found = await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.ExpiresAt, s.LastSeenAt, u.TimeZone })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellation);
        if (found is null || found.ExpiresAt <= now || now - found.LastSeenAt > options.Value.SessionIdleTimeout)
        {
            if (found is not null)
            {
                await db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync(cancellation);
            }
            await RejectAsync(context);
            return;
        }
        if (now - found.LastSeenAt > LastSeenResolution)
        {
            await db.UserSessions
                .Where(s => s.UserId == userId && s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellation);
        }

        context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimNames.UserId, userId.ToString()),
                new Claim(SessionCookie.SessionIdClaim, sessionId.ToString()),
                new Claim(ClaimNames.Scope, "write"),
                new Claim(ClaimNames.TimeZone, found.TimeZone),
            ],
            SessionCookie.SchemeName)));
        context.ShouldRenew = false;
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (WebPages.IsPage(http))
        {
            http.Response.Redirect(WebPages.SignInPath(http.Request));
            return Task.CompletedTask;
        }
        return new UnauthorizedFailure("The session has ended or does not exist; sign in again.").ToResult().ExecuteAsync(http);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WebPages.RefuseAsync(context.HttpContext, Failure.Forbidden("Forbidden."));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SessionCookie.SchemeName);
    }
}
