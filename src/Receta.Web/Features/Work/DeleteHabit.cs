using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class DeleteHabit
{
    public static async Task<Outcome<bool>> HandleAsync(GoalScope scope, string habitId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var habit = await db.Habits.FindAsync(scope, habitId);
        if (habit is null)
        {
            return Failure.NotFound("habit");
        }
        db.Habits.Remove(habit);
        scope.Touch();
        await db.SaveChangesAsync();
        return true;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapDelete("/habits/{habitId}", async (GoalScope scope, string habitId, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, db)).ToNoContent())
            .Requires(GoalAction.Edit);
}
