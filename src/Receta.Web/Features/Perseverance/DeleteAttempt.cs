using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

public static class DeleteAttempt
{
    /// <summary>Deletes the attempt and unlinks the skills and milestones that applied its lesson; they stay.</summary>
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string attemptId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempt = await db.Attempts.FindInGoalAsync(scope, attemptId);
        if (attempt is null)
        {
            return Failure.NotFound("attempt");
        }
        db.Attempts.Remove(attempt);
        scope.Touch();
        await LessonLinks.ClearAsync(scope, attempt.Id, db);
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/attempts/{attemptId}", async (GoalScope scope, string attemptId, RecetaDbContext db) =>
                (await HandleAsync(scope, attemptId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes an attempt; the skills and milestones that applied its lesson stay, unlinked.");
}
