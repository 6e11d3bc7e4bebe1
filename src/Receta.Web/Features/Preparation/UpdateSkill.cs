using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Preparation;

public static class UpdateSkill
{
    public static async Task<Outcome<SkillResponse>> HandleAsync(
        GoalScope scope, string skillId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var skill = await db.Skills.FindAsync(scope, skillId);
        if (skill is null)
        {
            return Failure.NotFound("skill");
        }
        var merged = JsonMergePatch.Apply(SkillFields.From(skill), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        if (merged.Value!.TryApplyTo(skill) is { } failure)
        {
            return failure;
        }
        scope.Touch();
        await db.SaveChangesAsync();
        return SkillResponse.From(skill);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/skills/{skillId}", async (GoalScope scope, string skillId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, skillId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<SkillResponse>();
}
