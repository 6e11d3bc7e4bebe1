using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>
/// Marks a date done for a habit. Checking a date twice changes nothing (200 instead of 201); a date holds one mark,
/// so checking a skipped date is a conflict.
/// </summary>
public static class CheckHabit
{
    public const string SkippedConflict = "That day is skipped: take the skip back before checking it.";

    public static Task<Outcome<(HabitCheckResponse Check, bool Created)>> HandleAsync(
        GoalScope scope, string habitId, CheckHabitRequest request, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        return HabitMarks.PutAsync(scope, habitId, request, db, db.HabitChecks, db.HabitSkips,
            (habit, date) => new HabitCheck { OwnerId = goal.OwnerId, HabitId = habit, Date = date, GoalId = goal.Id }, SkippedConflict);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/habits/{habitId}/checks", async (GoalScope scope, string habitId, CheckHabitRequest request, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, request, db)).ToResult(result => result.Created
                    ? TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/habits/{habitId}/checks/{result.Check.Date:yyyy-MM-dd}", result.Check)
                    : TypedResults.Ok(result.Check)))
            .Requires(GoalAction.Edit)
            .Produces<HabitCheckResponse>(StatusCodes.Status201Created)
            .Produces<HabitCheckResponse>()
            .WithDescription("Checks a habit on a day: 201, or 200 when that day was already checked (nothing changes); 409 when it is skipped.");
}
