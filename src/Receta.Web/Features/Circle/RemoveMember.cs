using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>The owner removes a member or withdraws an invitation; the goal is gone for them from their next request.</summary>
public static class RemoveMember
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string memberId, RecetaDbContext db, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var goal = scope.Goal;
        var member = await db.CircleMembers.FindInGoalAsync(scope, memberId);
        if (member is null)
        {
            return Failure.NotFound("member");
        }
        db.CircleMembers.Remove(member);
        audit.Add(goal.OwnerId, CircleAuditActions.Removed, $"{member.Email} ({member.Role.ToString().ToLowerInvariant()})", goal.Id);
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/circle/{memberId}", async (GoalScope scope, string memberId, RecetaDbContext db, AuditLog audit) =>
                (await HandleAsync(scope, memberId, db, audit)).ToNoContent())
            .Requires(GoalAction.Manage)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes a member from the circle (owner only); it takes effect on their next request.");
}
