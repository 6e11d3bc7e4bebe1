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
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempt = await db.Attempts.FindAsync(scope, attemptId);
        if (attempt is null)
        {
            return Failure.NotFound("attempt");
        }
        var merged = JsonMergePatch.Apply(AttemptFields.From(attempt), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        if (merged.Value!.TryApplyTo(attempt) is { } failure)
        {
            return failure;
        }
        scope.Touch();
        await db.SaveChangesAsync();
        return AttemptResponse.From(attempt, await ListAttempts.NumberOfAsync(scope, attempt.Id, db));
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/attempts/{attemptId}", async (GoalScope scope, string attemptId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, attemptId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<AttemptResponse>();
}
