using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Preparation;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

public static class GetReadiness
{
    public static async Task<ReadinessResponse> HandleAsync(GoalScope scope, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var skills = await db.Skills.AsNoTracking()
            .Where(s => s.OwnerId == goal.OwnerId && s.GoalId == goal.Id)
            .OrderBy(s => s.Sequence).ToListAsync();
        return new ReadinessResponse(
            Readiness.Compute(skills.Select(s => new SkillLevel(s.Level, s.TargetLevel))),
            skills.Select(SkillResponses.From).ToList());
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/readiness", async (GoalScope scope, RecetaDbContext db) => TypedResults.Ok(await HandleAsync(scope, db)))
            .Requires(GoalAction.Read)
            .Produces<ReadinessResponse>()
            .WithDescription("Readiness: how far the skills are from their target levels, and each skill's gap.");
}
