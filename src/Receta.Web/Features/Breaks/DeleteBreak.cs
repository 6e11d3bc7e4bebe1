using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Breaks;

public static class DeleteBreak
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string breakId, RecetaDbContext db) =>
        db.RemoveAsync(db.GoalBreaks, scope, breakId, "break");

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/breaks/{breakId}", async (GoalScope scope, string breakId, RecetaDbContext db) =>
                (await HandleAsync(scope, breakId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Ends a break early by removing it: its days count as active again.");
}
