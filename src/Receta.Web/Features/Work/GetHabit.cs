using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class GetHabit
{
    public static async Task<Outcome<HabitResponse>> HandleAsync(GoalScope scope, string habitId, DateOnly asOf, RecetaDbContext db, GoalHistories histories)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var habit = Guid.TryParse(habitId, out var id) ? await db.Habits.Under(scope).FirstOrDefaultAsync(h => h.Id == id) : null;
        if (habit is null)
        {
            return Failure.NotFound("habit");
        }
        return await HabitViews.ForHabitAsync(scope, habit, asOf, db, histories);
    }

    public static void Map(RouteGroupBuilder goal)
    {
        goal.MapGet("/habits/{habitId}", async (GoalScope scope, string habitId, string? asOf, RecetaDbContext db, GoalHistories histories) =>
            {
                var errors = new RequestErrors();
                var day = errors.QueryDate(asOf, "asOf") ?? scope.User.Today;
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(scope, habitId, day, db, histories)).ToOk();
            })
            .Requires(GoalAction.Read)
            .Produces<HabitResponse>()
            .WithName("GetHabit")
            .WithDescription("One habit as of a day: current and best streak, strength (on the days not excused by a skip or a break), and the dates checked and skipped.");
        goal.MapGet("/habits", async (GoalScope scope, string? asOf, RecetaDbContext db, GoalHistories histories) =>
                await AsOfView.ServeAsync(asOf, scope, async day => new ItemList<HabitResponse>(await HabitViews.ForGoalAsync(scope, day, db, histories))))
            .Requires(GoalAction.Read)
            .Produces<ItemList<HabitResponse>>()
            .WithName("ListHabits")
            .WithDescription("Every habit of the goal as of a day, with streaks, strength, checks and skips.");
    }
}
