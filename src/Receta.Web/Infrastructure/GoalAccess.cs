using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Data.Sharding;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Declares the least a caller must be allowed to do on the goal of the route (<c>{goalId}</c>).
/// Every endpoint under a goal declares one, an API route with <c>.Requires(...)</c> or a page with
/// <c>@attribute [RequiresGoalAction(...)]</c>; <see cref="GoalAccessMiddleware"/> enforces it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresGoalActionAttribute(GoalAction action) : Attribute
{
    public GoalAction Action { get; } = action;
}

/// <summary>The goal of the request, loaded and authorized once, and the caller's role on it.</summary>
public sealed record GoalScope(Goal Goal, CircleRole Role, CurrentUser User)
{
    public static ValueTask<GoalScope?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<GoalScope>());
    }

    /// <summary>Records a change under the goal and returns the creation sequence for a new child.</summary>
    public long Touch() => ++Goal.Version;

    /// <summary>
    /// The one rule for reaching a goal, shared by API routes and pages: the goal (tracked, so a
    /// change can be saved), the caller's role on it, and whether that role allows
    /// <paramref name="action"/>. A goal the caller may not read is not found; an action the role
    /// does not allow is forbidden.
    /// </summary>
    public static async Task<Outcome<GoalScope>> LoadAsync(
        CurrentUser user, string? goalId, GoalAction action, RecetaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var owner = Guid.TryParse(goalId, out var id) ? await OwnerRoutes.FindOwnerAsync(db, id, cancellationToken) : null;
        var goal = owner is { } ownerId
            ? await db.Goals.FirstOrDefaultAsync(g => g.OwnerId == ownerId && g.Id == id, cancellationToken)
            : null;
        var role = goal is null ? null : await RoleOnAsync(goal, user.Id, db, cancellationToken);
        if (goal is null || role is not { } granted)
        {
            return Failure.NotFound("goal");
        }
        if (!CirclePolicy.Allows(granted, action))
        {
            return Failure.Forbidden($"Your role on this goal ({granted}) does not allow this.");
        }
        return new GoalScope(goal, granted, user);
    }

    /// <summary>
    /// The same rule for a read whose caller's standing was read with the token (<see cref="GoalGrant"/>):
    /// the goal comes from the snapshot of the version just read (or the database, once per version),
    /// untracked, since a read changes nothing.
    /// </summary>
    public static async Task<Outcome<GoalScope>> FromGrantAsync(
        CurrentUser user, GoalGrant grant, GoalAction action, GoalViewCache cache, RecetaDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(db);
        if (grant is not { OwnerId: { } ownerId, Role: { } granted })
        {
            return Failure.NotFound("goal");
        }
        if (!CirclePolicy.Allows(granted, action))
        {
            return Failure.Forbidden($"Your role on this goal ({granted}) does not allow this.");
        }
        var goal = await cache.GetGoalAsync(grant.GoalId, grant.Version, () =>
            db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.OwnerId == ownerId && g.Id == grant.GoalId, cancellationToken));
        return goal is null ? Failure.NotFound("goal") : new GoalScope(goal, granted, user);
    }

    /// <summary>The caller's role on the goal: owner, an accepted member's role, or none (the goal does not exist for them).</summary>
    private static async Task<CircleRole?> RoleOnAsync(Goal goal, Guid userId, RecetaDbContext db, CancellationToken cancellationToken) =>
        goal.OwnerId == userId
            ? CircleRole.Owner
            : await db.CircleMembers
                .Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id && m.UserId == userId && m.Status == MemberStatus.Active)
                .Select(m => (CircleRole?)m.Role)
                .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// The one place that maps (caller, goal) to a role and checks the endpoint's declared action,
/// before the endpoint runs: a goal the caller may not read does not exist for them (404); an
/// action their role does not allow is forbidden (403). An endpoint under <c>{goalId}</c> that
/// declares no action is a programming error and never runs. A page shows the refusal as an HTML error page.
/// </summary>
public sealed class GoalAccessMiddleware(RequestDelegate next)
{
    /// <summary>
    /// The goal of the route when the endpoint declares a goal action and the id is well formed;
    /// what authentication reads along with the caller's token.
    /// </summary>
    public static Guid? DeclaredGoalId(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.GetEndpoint()?.Metadata.GetMetadata<RequiresGoalActionAttribute>() is not null
            && Guid.TryParse(http.GetRouteValue("goalId") as string, out var id)
                ? id
                : null;
    }

    public async Task InvokeAsync(HttpContext http, RecetaDbContext db, GoalViewCache cache)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        var endpoint = http.GetEndpoint();
        var declared = endpoint?.Metadata.GetMetadata<RequiresGoalActionAttribute>();
        if (declared is null)
        {
            if (endpoint is RouteEndpoint { RoutePattern: var pattern } && pattern.GetParameter("goalId") is not null)
            {
                throw new InvalidOperationException($"Endpoint '{endpoint.DisplayName}' does not declare the goal action it needs.");
            }
            await next(http);
            return;
        }
        var user = CurrentUser.From(http)
            ?? throw new InvalidOperationException("Goal endpoints require an authenticated caller.");

        // A read with a token already knows the caller's standing (read with the token, one round
        // trip); anything else, and every change, loads the goal tracked, to be changed and saved.
        var scope = http.Features.Get<GoalGrant>() is { } grant && HttpMethods.IsGet(http.Request.Method)
            ? await GoalScope.FromGrantAsync(user, grant, declared.Action, cache, db, http.RequestAborted)
            : await GoalScope.LoadAsync(user, http.GetRouteValue("goalId") as string, declared.Action, db, http.RequestAborted);
        if (scope.Failure is { } failure)
        {
            await WebPages.RefuseAsync(http, failure);
            return;
        }
        http.Features.Set(scope.Value);
        await next(http);
    }
}

/// <summary>
/// The caller's standing on the goal of the route, read with their token: the goal's owner and
/// version (null owner when it does not exist) and the caller's role (null when none).
/// </summary>
public sealed record GoalGrant(Guid GoalId, Guid? OwnerId, long Version, CircleRole? Role);

public static class GoalAccessExtensions
{
    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder builder, GoalAction action) =>
        builder.WithMetadata(new RequiresGoalActionAttribute(action));
}
