using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Signs the browser out: the session is deleted on the server, so the cookie is worthless from
/// the next request on, even if a copy of it was kept. A bearer token has no session (404).
/// </summary>
public static class EndSession
{
    public static async Task<Outcome<bool>> HandleAsync(CurrentUser user, Guid? sessionId, RecetaDbContext db, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        if (sessionId is not { } id || await db.UserSessions.Where(s => s.UserId == user.Id && s.Id == id).ExecuteDeleteAsync() == 0)
        {
            return Failure.NotFound("session");
        }
        await audit.RecordAsync(user.Id, AuditActions.SignOut, "session");
        return true;
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapDelete("/session", async (CurrentUser user, HttpContext http, RecetaDbContext db, AuditLog audit) =>
            {
                var outcome = await HandleAsync(user, SessionCookie.SessionId(http.User), db, audit);
                if (outcome.Succeeded)
                {
                    await http.SignOutAsync(SessionCookie.SchemeName);
                }
                return outcome.ToNoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Signs the browser out: ends the session and clears its cookie.");
}
