using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class UncheckHabit
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string habitId, string date, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new RequestErrors();
        var day = errors.QueryDate(date, "date");
        if (errors.Any || day is null)
        {
            return Failure.NotFound("check");
        }
        var id = await db.Habits.FindIdAsync(scope, habitId);
        if (id is not { } habit)
        {
            return Failure.NotFound("habit");
        }
        var check = await db.HabitChecks.FirstOrDefaultAsync(c => c.OwnerId == scope.Goal.OwnerId && c.HabitId == habit && c.Date == day);
        if (check is not null)
        {
            db.HabitChecks.Remove(check);
            scope.Touch();
            await db.SaveChangesAsync();
        }
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/habits/{habitId}/checks/{date}", async (GoalScope scope, string habitId, string date, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, date, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes a habit's check of a day.");
}
