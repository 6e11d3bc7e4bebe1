using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>The owner removes a member or withdraws an invitation; the goal is gone for them from their next request.</summary>
public static class RemoveMember
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string memberId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var removed = Guid.TryParse(memberId, out var id)
            && await db.CircleMembers.Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id && m.Id == id).ExecuteDeleteAsync() > 0;
        return removed ? true : Failure.NotFound("member");
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/circle/{memberId}", async (GoalScope scope, string memberId, RecetaDbContext db) =>
                (await HandleAsync(scope, memberId, db)).ToNoContent())
            .Requires(GoalAction.Manage);
}
