using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Breaks;

/// <summary>Takes time off from a goal: exam season, an injury, a family matter. 409 when it overlaps another break.</summary>
public static class AddBreak
{
    public static async Task<Outcome<BreakResponse>> HandleAsync(GoalScope scope, BreakFields fields, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var pause = new GoalBreak { OwnerId = goal.OwnerId, Id = Guid.CreateVersion7(now), GoalId = goal.Id, CreatedAt = now };
        if (fields.TryApplyTo(pause, await db.GoalBreaks.Under(scope).ToListAsync()) is { } failure)
        {
            return failure;
        }
        pause.Sequence = scope.Touch();
        db.GoalBreaks.Add(pause);
        await db.SaveChangesAsync();
        return BreakResponses.From(pause);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/breaks", async (GoalScope scope, BreakFields fields, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, fields, db, clock)).ToResult(pause =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/breaks/{pause.Id}", pause)))
            .Requires(GoalAction.Edit)
            .Produces<BreakResponse>(StatusCodes.Status201Created)
            .WithDescription("Takes a break from the goal, from one day to another (both included, at most 366 days): the road waits, rates and projections count active days, the schedule gives break days no capacity and habits are excused. 409 when it overlaps another break.");
}
