using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>
/// Putting a mark (a check or a skip) on a habit's date and taking it back, the one way for both: a date holds at
/// most one mark, so the other mark there is a conflict; the same mark twice changes nothing.
/// </summary>
internal static class HabitMarks
{
    public static async Task<Outcome<(HabitCheckResponse Mark, bool Created)>> PutAsync<TMark, TOther>(
        GoalScope scope, string habitId, CheckHabitRequest request, RecetaDbContext db,
        DbSet<TMark> marks, DbSet<TOther> otherMarks, Func<Guid, DateOnly, TMark> create, string otherMarkConflict)
        where TMark : class, IHabitMark
        where TOther : class, IHabitMark
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(create);
        var id = await db.Habits.FindIdAsync(scope, habitId);
        if (id is not { } habit)
        {
            return Failure.NotFound("habit");
        }
        var errors = new RequestErrors();
        var date = errors.Date(request.Date, "date");
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var owner = scope.Goal.OwnerId;
        var response = new HabitCheckResponse(habit, date);
        if (await marks.AnyAsync(m => m.OwnerId == owner && m.HabitId == habit && m.Date == date))
        {
            return (response, false);
        }
        if (await otherMarks.AnyAsync(m => m.OwnerId == owner && m.HabitId == habit && m.Date == date))
        {
            return Failure.Conflict(otherMarkConflict);
        }
        marks.Add(create(habit, date));
        scope.Touch();
        await db.SaveChangesAsync();
        return (response, true);
    }

    /// <summary>Takes the mark off the date; 204 also when there was none, 404 for a date that cannot be read or an unknown habit.</summary>
    public static async Task<Outcome<bool>> TakeBackAsync<TMark>(
        GoalScope scope, string habitId, string date, RecetaDbContext db, DbSet<TMark> marks, string what)
        where TMark : class, IHabitMark
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new RequestErrors();
        var day = errors.QueryDate(date, "date");
        if (errors.Any || day is null)
        {
            return Failure.NotFound(what);
        }
        var id = await db.Habits.FindIdAsync(scope, habitId);
        if (id is not { } habit)
        {
            return Failure.NotFound("habit");
        }
        var owner = scope.Goal.OwnerId;
        var mark = await marks.FirstOrDefaultAsync(m => m.OwnerId == owner && m.HabitId == habit && m.Date == day);
        if (mark is not null)
        {
            marks.Remove(mark);
            scope.Touch();
            await db.SaveChangesAsync();
        }
        return true;
    }
}
