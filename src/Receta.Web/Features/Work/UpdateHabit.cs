using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class UpdateHabit
{
    public static async Task<Outcome<HabitView>> HandleAsync(
        GoalScope scope, string habitId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var habit = await db.PatchAsync<Habit, HabitFields>(db.Habits, scope, habitId, patch, json, "habit");
        if (habit.Failure is { } failure)
        {
            return failure;
        }
        return await HabitView.ForHabitAsync(habit.Value!, scope.User.Today, db);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/habits/{habitId}", async (GoalScope scope, string habitId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, habitId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<HabitView>();
}
