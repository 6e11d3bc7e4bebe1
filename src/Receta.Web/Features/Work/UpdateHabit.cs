using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class UpdateHabit
{
    public static async Task<Outcome<HabitView>> HandleAsync(
        GoalScope scope, string habitId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var habit = await db.Habits.FindAsync(scope, habitId);
        if (habit is null)
        {
            return Failure.NotFound("habit");
        }
        var merged = JsonMergePatch.Apply(HabitFields.From(habit), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        if (merged.Value!.TryApplyTo(habit) is { } failure)
        {
            return failure;
        }
        scope.Touch();
        await db.SaveChangesAsync();
        var today = scope.User.Today;
        var checks = await db.HabitChecks.AsNoTracking()
            .Where(c => c.OwnerId == habit.OwnerId && c.HabitId == habit.Id && c.Date <= today)
            .Select(c => c.Date).ToListAsync();
        return HabitView.Compute(habit, checks, today);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/habits/{habitId}", async (GoalScope scope, string habitId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json) =>
                (await HandleAsync(scope, habitId, patch, db, json.Value.SerializerOptions)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<HabitView>();
}
