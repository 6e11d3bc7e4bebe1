using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

public static class ListCircle
{
    public static async Task<ItemList<MemberResponse>> HandleAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var members = await db.CircleMembers.AsNoTracking()
            .Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id)
            .OrderBy(m => m.InvitedAt).ThenBy(m => m.Id)
            .GroupJoin(db.Users.AsNoTracking(), m => m.UserId, u => (Guid?)u.Id, (m, users) => new { Member = m, Users = users })
            .SelectMany(x => x.Users.DefaultIfEmpty(), (x, u) => new { x.Member, DisplayName = u == null ? null : u.DisplayName })
            .ToListAsync();
        return new ItemList<MemberResponse>(members.Select(m => MemberResponses.From(m.Member, m.DisplayName)).ToList());
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/circle", async (GoalScope scope, RecetaDbContext db) => TypedResults.Ok(await HandleAsync(scope, db)))
            .Requires(GoalAction.Read)
            .Produces<ItemList<MemberResponse>>()
            .WithDescription("The goal's circle: members and invitations, with their roles.");
}
