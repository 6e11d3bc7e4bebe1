using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

public static class DeleteAttempt
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string attemptId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempt = await db.Attempts.FindAsync(scope, attemptId);
        if (attempt is null)
        {
            return Failure.NotFound("attempt");
        }
        db.Attempts.Remove(attempt);
        scope.Touch();
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/attempts/{attemptId}", async (GoalScope scope, string attemptId, RecetaDbContext db) =>
                (await HandleAsync(scope, attemptId, db)).ToNoContent())
            .Requires(GoalAction.Edit);
}
