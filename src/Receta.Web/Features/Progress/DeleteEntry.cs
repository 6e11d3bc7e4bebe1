using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

public static class DeleteEntry
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string entryId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var entry = await db.Entries.FindAsync(scope, entryId);
        if (entry is null)
        {
            return Failure.NotFound("entry");
        }
        db.Entries.Remove(entry);
        scope.Touch();
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/entries/{entryId}", async (GoalScope scope, string entryId, RecetaDbContext db) =>
                (await HandleAsync(scope, entryId, db)).ToNoContent())
            .Requires(GoalAction.Edit);
}
