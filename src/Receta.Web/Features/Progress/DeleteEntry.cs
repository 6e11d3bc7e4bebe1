using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

public static class DeleteEntry
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string entryId, RecetaDbContext db) =>
        db.RemoveAsync(db.Entries, scope, entryId, "entry");

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/entries/{entryId}", async (GoalScope scope, string entryId, RecetaDbContext db) =>
                (await HandleAsync(scope, entryId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes an entry.");
}
