using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class DeleteWork
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string workId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var session = await db.WorkSessions.FindAsync(scope, workId);
        if (session is null)
        {
            return Failure.NotFound("work session");
        }
        db.WorkSessions.Remove(session);
        scope.Touch();
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/work/{workId}", async (GoalScope scope, string workId, RecetaDbContext db) =>
                (await HandleAsync(scope, workId, db)).ToNoContent())
            .Requires(GoalAction.Edit);
}
