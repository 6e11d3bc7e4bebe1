using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class UpdateHabit
{
    public static async Task<Outcome<HabitResponse>> HandleAsync(
        GoalScope scope, string habitId, JsonElement patch, RecetaDbContext db, JsonSerializerOptions json, GoalHistories histories)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // The reminders are rows of their own: read before the merge, replaced with the habit's fields.
        var reminders = Guid.TryParse(habitId, out var id) ? await HabitReminderRules.LoadAsync(db, scope.Goal.OwnerId, id) : [];
        var habit = await db.PatchAsync(db.Habits, scope, habitId, patch, json, "habit",
            h => HabitRules.From(h, reminders), (fields, h) => fields.TryApplyTo(h, reminders, db));
        if (habit.Failure is { } failure)
        {
            return failure;
        }
        return await HabitViews.ForHabitAsync(scope, habit.Value!, scope.User.Today, db, histories);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPatch("/habits/{habitId}", async (GoalScope scope, string habitId, JsonElement patch, RecetaDbContext db, IOptions<JsonOptions> json, GoalHistories histories) =>
                (await HandleAsync(scope, habitId, patch, db, json.Value.SerializerOptions, histories)).ToOk())
            .Requires(GoalAction.Edit)
            .Produces<HabitResponse>()
            .AcceptsMergePatch<HabitFields>()
            .WithDescription("Changes a habit with a JSON merge patch; `reminders` replaces all of its reminders.");
}
