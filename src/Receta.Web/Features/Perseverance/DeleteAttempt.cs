using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

public static class DeleteAttempt
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string attemptId, RecetaDbContext db) =>
        db.RemoveAsync(db.Attempts, scope, attemptId, "attempt");

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/attempts/{attemptId}", async (GoalScope scope, string attemptId, RecetaDbContext db) =>
                (await HandleAsync(scope, attemptId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes an attempt.");
}
