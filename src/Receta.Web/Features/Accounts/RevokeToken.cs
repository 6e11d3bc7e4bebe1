using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

public static class RevokeToken
{
    public static async Task<Outcome<bool>> HandleAsync(CurrentUser user, string tokenId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var deleted = Guid.TryParse(tokenId, out var id)
            && await db.AccessTokens.Where(t => t.UserId == user.Id && t.Id == id).ExecuteDeleteAsync() > 0;
        return deleted ? true : Failure.NotFound("token");
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapDelete("/tokens/{tokenId}", async (CurrentUser user, string tokenId, RecetaDbContext db) =>
                (await HandleAsync(user, tokenId, db)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent);
}
