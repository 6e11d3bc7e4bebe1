using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

public static class DeleteGoal
{
    /// <summary>Deletes the goal and everything under it; its sub-goals stay, as top-level goals.</summary>
    public static async Task HandleAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        await db.Goals.Where(g => g.OwnerId == goal.OwnerId && g.ParentId == goal.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ParentId, (Guid?)null));
        db.Goals.Remove(goal);
        await db.SaveChangesAsync();
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/", async (GoalScope scope, RecetaDbContext db) =>
            {
                await HandleAsync(scope, db);
                return TypedResults.NoContent();
            })
            .Requires(GoalAction.Manage)
            .WithDescription("Deletes a goal and everything under it (owner only).");
}
