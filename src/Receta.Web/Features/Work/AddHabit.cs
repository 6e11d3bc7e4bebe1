using Receta.Core.Breaks;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class AddHabit
{
    public static async Task<Outcome<HabitResponse>> HandleAsync(GoalScope scope, HabitFields fields, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var habit = new Habit { OwnerId = goal.OwnerId, Id = Guid.CreateVersion7(now), GoalId = goal.Id, Title = "", CreatedAt = now };
        if (fields.TryApplyTo(habit, [], db) is { } failure)
        {
            return failure;
        }
        habit.Sequence = scope.Touch();
        db.Habits.Add(habit);
        await db.SaveChangesAsync();
        return HabitViews.Compute(habit, [], [], ActiveDays.None, scope.User.Today, HabitViews.RemindersFor(scope, db.HabitReminders.Local.Where(r => r.HabitId == habit.Id)));
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/habits", async (GoalScope scope, HabitFields fields, RecetaDbContext db, TimeProvider clock) =>
                (await HandleAsync(scope, fields, db, clock)).ToResult(habit =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/habits/{habit.Id}", habit)))
            .Requires(GoalAction.Edit)
            .Produces<HabitResponse>(StatusCodes.Status201Created)
            .WithDescription("Adds a habit: times per perDays days, with up to four email reminders.");
}
