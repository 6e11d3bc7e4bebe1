using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>The owner changes a member's role; it applies from the member's next request.</summary>
public static class UpdateMember
{
    public static async Task<Outcome<MemberResponse>> HandleAsync(
        GoalScope scope, string memberId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var member = await db.CircleMembers.FindInGoalAsync(scope, memberId);
        if (member is null)
        {
            return Failure.NotFound("member");
        }
        var merged = JsonMergePatch.Apply(new MemberFields(member.Role), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        var errors = new RequestErrors();
        var role = CircleRules.MemberRole(merged.Value!.Role, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (member.Role != role)
        {
            audit.Add(goal.OwnerId, CircleAuditActions.RoleChanged,
                $"{member.Email}: {member.Role.ToString().ToLowerInvariant()} to {role.ToString().ToLowerInvariant()}", goal.Id);
        }
        member.Role = role;
        await db.SaveChangesAsync();
        var displayName = member.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        return MemberResponses.From(member, displayName);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/circle/{memberId}", async (GoalScope scope, string memberId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json, AuditLog audit) =>
                (await HandleAsync(scope, memberId, patch, db, json.Value.SerializerOptions, audit)).ToOk())
            .Requires(GoalAction.Manage)
            .Produces<MemberResponse>()
            .AcceptsMergePatch<MemberFields>()
            .WithDescription("Changes a member's role (owner only).");
}
