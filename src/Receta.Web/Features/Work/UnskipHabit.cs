using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>Takes a habit's skip of a date back: the day counts again, unchecked until it is checked.</summary>
public static class UnskipHabit
{
    public static Task<Outcome<bool>> HandleAsync(GoalScope scope, string habitId, string date, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return HabitMarks.TakeBackAsync(scope, habitId, date, db, db.HabitSkips, "skip");
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/habits/{habitId}/skips/{date}", async (GoalScope scope, string habitId, string date, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, date, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes a habit's skip of a day.");
}
