using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Features.Perseverance;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

public static class UpdateSkill
{
    public static async Task<Outcome<SkillResponse>> HandleAsync(
        GoalScope scope, string skillId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        var attempts = await LessonLinks.AttemptIdsAsync(scope, db);
        var skill = await db.PatchAsync(db.Skills, scope, skillId, patch, json, "skill", SkillRules.From,
            (fields, stored) => fields.TryApplyTo(stored, attempts));
        return skill.Failure ?? (Outcome<SkillResponse>)SkillResponses.From(skill.Value!);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/skills/{skillId}", async (GoalScope scope, string skillId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, skillId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<SkillResponse>()
            .AcceptsMergePatch<SkillFields>()
            .WithDescription("Changes a skill with a JSON merge patch; fromAttemptId null unlinks it from the attempt whose lesson it applied.");
}
