using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class DeleteWork
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string workId, RecetaDbContext db) =>
        db.RemoveAsync(db.WorkSessions, scope, workId, "work session");

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/work/{workId}", async (GoalScope scope, string workId, RecetaDbContext db) =>
                (await HandleAsync(scope, workId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes a work session.");
}
