using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

public static class RevokeToken
{
    public static async Task<Outcome<bool>> HandleAsync(CurrentUser user, string tokenId, RecetaDbContext db, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var name = Guid.TryParse(tokenId, out var id)
            ? await db.AccessTokens.Where(t => t.UserId == user.Id && t.Id == id).Select(t => t.Name).FirstOrDefaultAsync()
            : null;
        if (name is null || await db.AccessTokens.Where(t => t.UserId == user.Id && t.Id == id).ExecuteDeleteAsync() == 0)
        {
            return Failure.NotFound("token");
        }
        await audit.RecordAsync(user.Id, AuditActions.TokenRevoked, $"'{name}'");
        return true;
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapDelete("/tokens/{id}", async (CurrentUser user, string id, RecetaDbContext db, AuditLog audit) =>
                (await HandleAsync(user, id, db, audit)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Revokes one of the caller's tokens; it stops working at once.");
}
