using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

public static class UpdateAttempt
{
    public static async Task<Outcome<AttemptResponse>> HandleAsync(
        GoalScope scope, string attemptId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        var attempt = await db.PatchAsync(db.Attempts, scope, attemptId, patch, json, "attempt", AttemptRules.From, AttemptRules.TryApplyTo);
        return attempt.Failure ?? (Outcome<AttemptResponse>)await ListAttempts.OneAsync(scope, attempt.Value!.Id, db);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/attempts/{attemptId}", async (GoalScope scope, string attemptId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, attemptId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<AttemptResponse>()
            .AcceptsMergePatch<AttemptFields>()
            .WithDescription("Changes an attempt with a JSON merge patch.");
}
