using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>
/// Excuses a habit on a date (travel, illness, a rest day): the day counts neither for nor against it. A date holds
/// one mark, so skipping a checked date is a conflict; skipping it twice changes nothing (200 instead of 201).
/// </summary>
public static class SkipHabit
{
    public const string CheckedConflict = "That day is checked: uncheck it before skipping it.";

    public static Task<Outcome<(HabitCheckResponse Skip, bool Created)>> HandleAsync(
        GoalScope scope, string habitId, CheckHabitRequest request, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        return HabitMarks.PutAsync(scope, habitId, request, db, db.HabitSkips, db.HabitChecks,
            (habit, date) => new HabitSkip { OwnerId = goal.OwnerId, HabitId = habit, Date = date, GoalId = goal.Id }, CheckedConflict);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapPost("/habits/{habitId}/skips", async (GoalScope scope, string habitId, CheckHabitRequest request, RecetaDbContext db) =>
                (await HandleAsync(scope, habitId, request, db)).ToResult(result => result.Created
                    ? TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/habits/{habitId}/skips/{result.Skip.Date:yyyy-MM-dd}", result.Skip)
                    : TypedResults.Ok(result.Skip)))
            .Requires(GoalAction.Edit)
            .Produces<HabitCheckResponse>(StatusCodes.Status201Created)
            .Produces<HabitCheckResponse>()
            .WithDescription("Skips a habit on a day, which then counts neither for nor against it: 201, or 200 when that day was already skipped (nothing changes); 409 when it is checked.");
}
