using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class UncheckHabit
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string habitId, string date, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return HabitMarks.TakeBackAsync(scope, habitId, date, db, db.HabitChecks, "check");
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/habits/{habitId}/checks/{date}", async (GoalScope scope, string habitId, string date, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, date, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes a habit's check of a day.");
}
