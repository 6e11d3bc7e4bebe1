using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

public static class ListGoals
{
    public static async Task<Outcome<Page<GoalResponse>>> HandleAsync(CurrentUser user, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Goals.AsNoTracking().Where(g => g.OwnerId == user.Id);
        if (page.TryGetAfter<long>(0, out var after))
        {
            query = query.Where(g => g.Sequence > after);
        }
        var rows = await query.OrderBy(g => g.Sequence).Take(page.Limit + 1).ToListAsync();
        return rows.ToPage(page, g => GoalResponse.From(g, CircleRole.Owner), g => PageRequest.Encode(g.Sequence));
    }

    public static void Map(RouteGroupBuilder goals) =>
        goals.MapGet("/", async (CurrentUser user, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(user, page, db)).ToOk();
            })
            .Produces<Page<GoalResponse>>();
}
