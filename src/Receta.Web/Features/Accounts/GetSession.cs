using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>The browser session the caller's cookie names; a bearer token has none (404).</summary>
public static class GetSession
{
    public static async Task<Outcome<SessionResponse>> HandleAsync(CurrentUser user, Guid? sessionId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var session = sessionId is { } id
            ? await db.UserSessions.AsNoTracking()
                .Where(s => s.UserId == user.Id && s.Id == id)
                .Select(s => new SessionResponse(s.Id, s.CreatedAt, s.ExpiresAt))
                .FirstOrDefaultAsync()
            : null;
        return session is null ? Failure.NotFound("session") : session;
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapGet("/session", async (CurrentUser user, HttpContext http, RecetaDbContext db) =>
                (await HandleAsync(user, SessionCookie.SessionId(http.User), db)).ToOk())
            .Produces<SessionResponse>()
            .WithDescription("The caller's current browser session.");
}
