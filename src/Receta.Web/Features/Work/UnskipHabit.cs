using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>Takes a habit's skip of a date back: the day counts again, unchecked until it is checked.</summary>
public static class UnskipHabit
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string habitId, string date, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new RequestErrors();
        var day = errors.QueryDate(date, "date");
        if (errors.Any || day is null)
        {
            return Failure.NotFound("skip");
        }
        var id = await db.Habits.FindIdAsync(scope, habitId);
        if (id is not { } habit)
        {
            return Failure.NotFound("habit");
        }
        var skip = await db.HabitSkips.FirstOrDefaultAsync(s => s.OwnerId == scope.Goal.OwnerId && s.HabitId == habit && s.Date == day);
        if (skip is not null)
        {
            db.HabitSkips.Remove(skip);
            scope.Touch();
            await db.SaveChangesAsync();
        }
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/habits/{habitId}/skips/{date}", async (GoalScope scope, string habitId, string date, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, date, db)).ToNoContent())
            .Requires(GoalAction.Edit)
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes a habit's skip of a day.");
}
