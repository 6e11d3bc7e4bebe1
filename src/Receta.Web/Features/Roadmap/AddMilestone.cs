using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Features.Perseverance;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

public static class AddMilestone
{
    public static async Task<Outcome<MilestoneResponse>> HandleAsync(
        GoalScope scope, MilestoneFields fields, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var siblings = await db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id).ToListAsync();
        var now = clock.GetUtcNow();
        var milestone = new Milestone { OwnerId = goal.OwnerId, Id = Guid.CreateVersion7(now), GoalId = goal.Id, Title = "", CreatedAt = now };
        if (fields.TryApplyTo(milestone, siblings, await LessonLinks.AttemptIdsAsync(scope, db), scope.User.Today) is { } failure)
        {
            return failure;
        }
        milestone.Sequence = scope.Touch();
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return MilestoneResponses.From(milestone);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/milestones", async (GoalScope scope, MilestoneFields fields, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, fields, db, clock)).ToResult(milestone =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/milestones/{milestone.Id}", milestone)))
            .Requires(GoalAction.Edit)
            .Produces<MilestoneResponse>(StatusCodes.Status201Created)
            .WithDescription("Adds a milestone to the roadmap (ingredient 3), with its due date, estimate and dependencies. A dependency on another goal's milestone: 400; a cycle: 409. fromAttemptId names the attempt of this goal whose lesson it applies (any other: 400).");
}
