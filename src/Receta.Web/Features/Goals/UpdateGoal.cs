using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

public static class UpdateGoal
{
    public static async Task<Outcome<GoalResponse>> HandleAsync(
        GoalScope scope, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var merged = JsonMergePatch.Apply(GoalRules.From(goal), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        var fields = merged.Value!;
        if (fields.Measure is null && goal.Measure is not null
            && await db.Entries.AnyAsync(e => e.OwnerId == goal.OwnerId && e.GoalId == goal.Id))
        {
            return Failure.Conflict("The measure has entries; delete them before removing the measure.");
        }
        var parent = await GoalParents.ReadAsync(fields.ParentId, goal, db);
        if (parent.Failure is { } badParent)
        {
            return badParent;
        }
        var errors = new RequestErrors();
        if (!fields.TryApplyTo(goal, goal.StartDate, errors))
        {
            db.ChangeTracker.Clear();
            return errors.ToFailure();
        }
        goal.ParentId = parent.Value;
        scope.Touch();
        await db.SaveChangesAsync();
        return GoalResponses.From(goal, scope.Role);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/", async (GoalScope scope, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<GoalResponse>()
            .AcceptsMergePatch<GoalFields>()
            .WithDescription("Changes a goal with a JSON merge patch, its status included.");
}
