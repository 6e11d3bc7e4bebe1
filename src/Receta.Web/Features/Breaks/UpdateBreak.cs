using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Breaks;

public static class UpdateBreak
{
    public static async Task<Outcome<BreakResponse>> HandleAsync(
        GoalScope scope, string breakId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(db);
        var others = await db.GoalBreaks.Under(scope).ToListAsync();
        var pause = await db.PatchAsync(db.GoalBreaks, scope, breakId, patch, json, "break", BreakRules.From,
            (fields, item) => fields.TryApplyTo(item, others));
        return pause.Failure ?? (Outcome<BreakResponse>)BreakResponses.From(pause.Value!);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/breaks/{breakId}", async (GoalScope scope, string breakId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, breakId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<BreakResponse>()
            .AcceptsMergePatch<BreakFields>()
            .WithDescription("Changes a break with a JSON merge patch; 409 when it would overlap another break.");
}
