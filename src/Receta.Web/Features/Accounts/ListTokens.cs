using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

public static class ListTokens
{
    public static async Task<Outcome<Page<TokenResponse>>> HandleAsync(CurrentUser user, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        page.TryGetAfter<int>(0, out var skip);
        var rows = await db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(skip).Take(page.Limit + 1)
            .ToListAsync();
        return rows.ToPage(
            page,
            t => new TokenResponse(t.Id, t.Name, CreateToken.ScopeName(t.Scope), t.CreatedAt, t.LastUsedAt, t.ExpiresAt),
            _ => PageRequest.Encode(skip + page.Limit));
    }

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapGet("/tokens", async (CurrentUser user, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(user, page, db)).ToOk();
            })
            .Produces<Page<TokenResponse>>()
            .WithDescription("The caller's personal access tokens, never their secrets.");
}
