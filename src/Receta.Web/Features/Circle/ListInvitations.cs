using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>The invitations waiting for the caller's email.</summary>
public static class ListInvitations
{
    public static async Task<ItemList<ReceivedInvitationResponse>> HandleAsync(CurrentUser user, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var email = await db.Users.Where(u => u.Id == user.Id).Select(u => u.NormalizedEmail).FirstOrDefaultAsync();
        var items = await db.CircleMembers.AsNoTracking()
            .AcrossOwners("the invitations to an email are in their goals' owners' shards")
            .Where(m => m.NormalizedEmail == email && m.Status == MemberStatus.Invited)
            .Join(db.Goals, m => new { m.OwnerId, Id = m.GoalId }, g => new { g.OwnerId, g.Id }, (m, g) => new { m, g.Title })
            .Join(db.Users, x => x.m.OwnerId, u => u.Id, (x, u) => new ReceivedInvitationResponse(x.m.Id, x.m.GoalId, x.Title, u.DisplayName, x.m.Role, x.m.InvitedAt))
            .ToListAsync();
        return new ItemList<ReceivedInvitationResponse>(items.OrderBy(i => i.InvitedAt).ToList());
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/invitations", async (CurrentUser user, RecetaDbContext db) => TypedResults.Ok(await HandleAsync(user, db)))
            .WithTags("Circle")
            .Produces<ItemList<ReceivedInvitationResponse>>()
            .WithDescription("Invitations into other people's circles waiting for the caller to accept.");
}
