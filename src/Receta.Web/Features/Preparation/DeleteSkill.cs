using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

public static class DeleteSkill
{
    /// <summary>Deletes the skill and unlinks the work sessions that served it.</summary>
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string skillId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var skill = await db.Skills.FindInGoalAsync(scope, skillId);
        if (skill is null)
        {
            return Failure.NotFound("skill");
        }
        db.Skills.Remove(skill);
        scope.Touch();
        await db.WorkSessions.Where(w => w.OwnerId == skill.OwnerId && w.GoalId == skill.GoalId && w.SkillId == skill.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.SkillId, (Guid?)null));
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/skills/{skillId}", async (GoalScope scope, string skillId, RecetaDbContext db) =>
                (await HandleAsync(scope, skillId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes a skill.");
}
