using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Features.Perseverance;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Roadmap;

public static class UpdateMilestone
{
    public static async Task<Outcome<MilestoneResponse>> HandleAsync(
        GoalScope scope, string milestoneId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var milestones = await db.Milestones.Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id).ToListAsync();
        var milestone = Guid.TryParse(milestoneId, out var id) ? milestones.Find(m => m.Id == id) : null;
        if (milestone is null)
        {
            return Failure.NotFound("milestone");
        }
        var merged = JsonMergePatch.Apply(MilestoneRules.From(milestone), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        if (merged.Value!.TryApplyTo(milestone, milestones, await LessonLinks.AttemptIdsAsync(scope, db), scope.User.Today) is { } failure)
        {
            return failure;
        }
        scope.Touch();
        await db.SaveChangesAsync();
        return MilestoneResponses.From(milestone);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/milestones/{milestoneId}", async (GoalScope scope, string milestoneId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, milestoneId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<MilestoneResponse>()
            .AcceptsMergePatch<MilestoneFields>()
            .WithDescription("Changes a milestone with a JSON merge patch; mark it done with status done and completedOn; fromAttemptId null unlinks it from the attempt whose lesson it applied.");
}
