using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Circle;
using Receta.Web.Features.Accounts;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Circle;

/// <summary>
/// The owner invites a person by email, with a role. The email need not have an account yet; only
/// the account with that email can accept. Inviting someone already invited, a member, or the
/// owner is a conflict.
/// </summary>
public static class InviteMember
{
    public static async Task<Outcome<InvitationResponse>> HandleAsync(
        GoalScope scope, InviteMemberRequest request, RecetaDbContext db, TimeProvider clock, IConfiguration configuration, IEmailSender email, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        var errors = new RequestErrors();
        var address = AccountRules.Email(request.Email, errors);
        var role = CircleRules.MemberRole(request.Role, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var goal = scope.Goal;
        var normalized = CircleRules.Normalize(address);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == goal.OwnerId)
            .Select(u => new { u.NormalizedEmail, u.DisplayName }).FirstAsync();
        if (owner.NormalizedEmail == normalized
            || await db.CircleMembers.AnyAsync(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id && m.NormalizedEmail == normalized))
        {
            return Failure.Conflict("This email is already invited to or a member of this goal's circle.");
        }

        var now = clock.GetUtcNow();
        var member = new CircleMember
        {
            OwnerId = goal.OwnerId,
            Id = Guid.CreateVersion7(now),
            GoalId = goal.Id,
            Email = address,
            NormalizedEmail = normalized,
            Role = role,
            Status = MemberStatus.Invited,
            InvitedAt = now,
        };
        db.CircleMembers.Add(member);
        audit.Add(goal.OwnerId, CircleAuditActions.Invited, $"{address} as {role.ToString().ToLowerInvariant()}", goal.Id);
        await db.SaveChangesAsync();

        var acceptUrl = CircleRules.AcceptUrl(configuration, member.Id);
        await email.SendAsync(new EmailMessage(
            address,
            $"{owner.DisplayName} invites you to support \"{goal.Title}\"",
            $"""
            {owner.DisplayName} is pursuing a goal with Receta, "{goal.Title}", and would like you in their support circle as a {role.ToString().ToLowerInvariant()}.

            To accept, sign in to Receta with this email address ({address}) and accept the invitation:
            {acceptUrl}

            If you did not expect this, you can ignore this message.
            """), CancellationToken.None);
        return new InvitationResponse(member.Id, goal.Id, member.Email, member.Role, member.Status, acceptUrl);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/circle", async (GoalScope scope, InviteMemberRequest request, RecetaDbContext db, TimeProvider clock, IConfiguration configuration, IEmailSender email, AuditLog audit) =>
                (await HandleAsync(scope, request, db, clock, configuration, email, audit)).ToResult(invitation =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/circle/{invitation.Id}", invitation)))
            .Requires(GoalAction.Manage)
            .Produces<InvitationResponse>(StatusCodes.Status201Created)
            .WithDescription("Invites someone into the goal's circle by email, with a role (owner only). 409 when already invited or a member.");
}
