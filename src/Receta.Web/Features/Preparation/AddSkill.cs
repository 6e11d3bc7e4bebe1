using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Features.Perseverance;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

public static class AddSkill
{
    public static async Task<Outcome<SkillResponse>> HandleAsync(GoalScope scope, SkillFields fields, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var skill = new Skill { OwnerId = goal.OwnerId, Id = Guid.CreateVersion7(now), GoalId = goal.Id, Name = "", CreatedAt = now };
        if (fields.TryApplyTo(skill, await LessonLinks.AttemptIdsAsync(scope, db)) is { } failure)
        {
            return failure;
        }
        skill.Sequence = scope.Touch();
        db.Skills.Add(skill);
        await db.SaveChangesAsync();
        return SkillResponses.From(skill);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/skills", async (GoalScope scope, SkillFields fields, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, fields, db, clock)).ToResult(skill =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/skills/{skill.Id}", skill)))
            .Requires(GoalAction.Edit)
            .Produces<SkillResponse>(StatusCodes.Status201Created)
            .WithDescription("Adds a skill to prepare (ingredient 4), its level and target level (0 to 5), resources, and the attempt whose lesson it applies (fromAttemptId, an attempt of this goal; any other: 400).");
}
