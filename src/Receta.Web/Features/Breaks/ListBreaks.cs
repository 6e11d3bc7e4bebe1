using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Breaks;

public static class ListBreaks
{
    public static async Task<IReadOnlyList<BreakResponse>> HandleAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var breaks = await db.GoalBreaks.Under(scope).OrderBy(b => b.From).ToListAsync();
        return breaks.Select(BreakResponses.From).ToList();
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/breaks", async (GoalScope scope, RecetaDbContext db) => TypedResults.Ok(new ItemList<BreakResponse>(await HandleAsync(scope, db))))
            .Requires(GoalAction.Read)
            .Produces<ItemList<BreakResponse>>()
            .WithDescription("The goal's breaks, by the day they start.");
}
