using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

public static class RecordAttempt
{
    public static async Task<Outcome<AttemptResponse>> HandleAsync(GoalScope scope, AttemptFields fields, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var attempt = new Attempt { OwnerId = goal.OwnerId, Id = Guid.CreateVersion7(now), GoalId = goal.Id, Title = "", CreatedAt = now };
        if (fields.TryApplyTo(attempt) is { } failure)
        {
            return failure;
        }
        attempt.Sequence = scope.Touch();
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync();
        return await ListAttempts.OneAsync(scope, attempt.Id, db);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/attempts", async (GoalScope scope, AttemptFields fields, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, fields, db, clock)).ToResult(attempt =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/attempts/{attempt.Id}", attempt)))
            .Requires(GoalAction.Edit)
            .Produces<AttemptResponse>(StatusCodes.Status201Created)
            .WithDescription("Records an attempt at a gated outcome (ingredient 6): an application, an exam, a race, with its outcome, feedback and lesson.");
}
