using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Web.Features.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>
/// The invited account joins the circle. An invitation exists only for the account whose email it
/// was sent to: for any other account it is not found.
/// </summary>
public static class AcceptInvitation
{
    public static async Task<Outcome<GoalResponse>> HandleAsync(CurrentUser user, string invitationId, RecetaDbContext db, TimeProvider clock, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == user.Id);
        var owner = Guid.TryParse(invitationId, out var id) ? await OwnerRoutes.FindOwnerAsync(db, id, CancellationToken.None) : null;
        var invitation = owner is { } ownerId && account?.NormalizedEmail is { } email
            ? await db.CircleMembers.FirstOrDefaultAsync(m => m.OwnerId == ownerId && m.Id == id && m.NormalizedEmail == email)
            : null;
        if (invitation is null || (invitation.Status == MemberStatus.Active && invitation.UserId != user.Id))
        {
            return Failure.NotFound("invitation");
        }
        if (invitation.Status == MemberStatus.Invited)
        {
            invitation.Status = MemberStatus.Active;
            invitation.UserId = user.Id;
            invitation.AcceptedAt = clock.GetUtcNow();
            audit.Add(invitation.OwnerId, CircleAuditActions.Joined,
                $"{invitation.Email} as {invitation.Role.ToString().ToLowerInvariant()}", invitation.GoalId);
            await GoalSequence.TakeNextAsync(db, user.Id, async sequence =>
            {
                invitation.ListSequence = sequence;
                return await db.SaveChangesAsync();
            });
        }
        var goal = await db.Goals.AsNoTracking().FirstAsync(g => g.OwnerId == invitation.OwnerId && g.Id == invitation.GoalId);
        return GoalResponses.From(goal, invitation.Role);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/invitations/{invitationId}/accept", async (CurrentUser user, string invitationId, RecetaDbContext db, TimeProvider clock, AuditLog audit) =>
                (await HandleAsync(user, invitationId, db, clock, audit)).ToOk())
            .WithTags("Circle")
            .Produces<GoalResponse>()
            .WithDescription("Accepts an invitation sent to the caller's email: the goal then appears in their goals.");
}
