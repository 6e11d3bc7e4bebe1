using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Signs a browser in: checks the credentials like token creation does, stores a session with an
/// absolute end (<c>Auth:SessionLifetime</c>, 30 days by default) and sets the <c>__Host-receta</c>
/// cookie that names it. A session the browser was already signed in with ends: one cookie, one session.
/// The browser also takes on the account's language and theme, when it chose them.
/// </summary>
public static class CreateSession
{
    /// <summary>A new session and the account's choices the browser takes on with it.</summary>
    public sealed record BrowserSession(UserSession Session, string? Language, string? Theme);

    public static async Task<Outcome<BrowserSession>> HandleAsync(
        CreateSessionRequest request, (Guid UserId, Guid Id)? previousSession, SignIn signIn, RecetaDbContext db, AuditLog audit, TimeProvider clock, BrowserSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Failure.Invalid(string.IsNullOrEmpty(request.Email) ? "email" : "password", "Both 'email' and 'password' are required.");
        }
        var user = await signIn.CheckAsync(new SignIn.Credentials(request.Email, request.Password, request.Code, request.RecoveryCode, "session"));
        if (user.Failure is { } failure)
        {
            return failure;
        }

        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            UserId = user.Value!.Id,
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            ExpiresAt = now + options.SessionLifetime,
            LastSeenAt = now,
        };
        if (previousSession is { } previous)
        {
            await db.UserSessions.Where(s => s.UserId == previous.UserId && s.Id == previous.Id).ExecuteDeleteAsync();
        }
        db.UserSessions.Add(session);
        audit.Add(session.UserId, AuditActions.SignIn, "session");
        await db.SaveChangesAsync();
        return new BrowserSession(session, user.Value.Language, user.Value.Theme);
    }

    /// <summary>
    /// Gives the browser the cookie naming the session, and the account's language (when it chose one)
    /// and theme; the API route and the sign-in and sign-up pages all do it here.
    /// </summary>
    public static Task SetCookieAsync(HttpContext http, BrowserSession browser)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(browser);
        var session = browser.Session;
        if (browser.Language is not null)
        {
            Localization.Remember(http, browser.Language);
        }
        Themes.Remember(http, browser.Theme);
        return http.SignInAsync(SessionCookie.SchemeName, SessionCookie.Principal(session.UserId, session.Id),
            new AuthenticationProperties
            {
                IsPersistent = true,
                IssuedUtc = session.CreatedAt,
                ExpiresUtc = session.ExpiresAt,
                AllowRefresh = false,
            });
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/session", async (CreateSessionRequest request, HttpContext http, SignIn signIn, RecetaDbContext db, AuditLog audit,
                TimeProvider clock, IOptions<BrowserSessionOptions> options) =>
            {
                var outcome = await HandleAsync(request, SessionCookie.Session(http.User), signIn, db, audit, clock, options.Value);
                if (outcome.Value is { } browser)
                {
                    await SetCookieAsync(http, browser);
                }
                return outcome.ToResult(created =>
                    TypedResults.Created("/api/v1/auth/session", new SessionResponse(created.Session.Id, created.Session.CreatedAt, created.Session.ExpiresAt)));
            })
            .AllowAnonymous()
            .RequireRateLimiting(SignIn.RateLimitPolicy)
            .Produces<SessionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithDescription("Signs a browser in: sets the session cookie. Changes made with the cookie also need the antiforgery token.");
}
