using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

public static class CreateGoal
{
    public static async Task<Outcome<GoalResponse>> HandleAsync(
        CurrentUser user, GoalFields fields, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        var goal = new Goal { OwnerId = user.Id, Id = Guid.CreateVersion7(now), Title = "", CreatedAt = now, Version = 1 };
        var errors = new RequestErrors();
        if (!fields.TryApplyTo(goal, user.Today, errors))
        {
            return errors.ToFailure();
        }
        var parent = await GoalParents.ReadAsync(fields.ParentId, goal, db);
        if (parent.Failure is { } failure)
        {
            return failure;
        }
        goal.ParentId = parent.Value;
        return await GoalSequence.TakeNextAsync(db, user.Id, async sequence =>
        {
            goal.Sequence = sequence;
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            return GoalResponses.From(goal, CircleRole.Owner);
        });
    }

    public static void Map(RouteGroupBuilder goals) =>
        goals.MapPost("/", async (CurrentUser user, GoalFields fields, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(user, fields, db, clock)).ToResult(goal =>
                    TypedResults.Created($"/api/v1/goals/{goal.Id}", goal)))
            .Produces<GoalResponse>(StatusCodes.Status201Created)
            .WithDescription("Creates a goal (ingredient 1, define your purpose). Only title is required.");
}
