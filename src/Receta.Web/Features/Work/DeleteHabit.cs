using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class DeleteHabit
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string habitId, RecetaDbContext db) =>
        db.RemoveAsync(db.Habits, scope, habitId, "habit");

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/habits/{habitId}", async (GoalScope scope, string habitId, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Deletes a habit and its checks.");
}
