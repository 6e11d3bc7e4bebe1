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
/// </summary>
public static class CreateSession
{
    public static async Task<Outcome<UserSession>> HandleAsync(
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
        return session;
    }

    /// <summary>Gives the browser the cookie naming <paramref name="session"/>; the API route and the sign-in page both do it here.</summary>
    public static Task SetCookieAsync(HttpContext http, UserSession session)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
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
                if (outcome.Value is { } session)
                {
                    await SetCookieAsync(http, session);
                }
                return outcome.ToResult(created =>
                    TypedResults.Created("/api/v1/auth/session", new SessionResponse(created.Id, created.CreatedAt, created.ExpiresAt)));
            })
            .AllowAnonymous()
            .RequireRateLimiting(SignIn.RateLimitPolicy)
            .Produces<SessionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithDescription("Signs a browser in: sets the session cookie. Changes made with the cookie also need the antiforgery token.");
}
