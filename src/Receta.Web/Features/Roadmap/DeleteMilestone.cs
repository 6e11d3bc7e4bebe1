using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

public static class DeleteMilestone
{
    /// <summary>Deletes the milestone, drops it from the others' dependencies, and unlinks work logged on it.</summary>
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string milestoneId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var milestones = await db.Milestones.Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id).ToListAsync();
        var milestone = Guid.TryParse(milestoneId, out var id) ? milestones.Find(m => m.Id == id) : null;
        if (milestone is null)
        {
            return Failure.NotFound("milestone");
        }
        foreach (var other in milestones.Where(m => m.DependsOn.Contains(id)))
        {
            other.DependsOn = other.DependsOn.Where(d => d != id).ToList();
        }
        db.Milestones.Remove(milestone);
        scope.Touch();
        await db.WorkSessions.Where(w => w.OwnerId == goal.OwnerId && w.GoalId == goal.Id && w.MilestoneId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.MilestoneId, (Guid?)null));
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/milestones/{milestoneId}", async (GoalScope scope, string milestoneId, RecetaDbContext db) =>
                (await HandleAsync(scope, milestoneId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes a milestone.");
}
