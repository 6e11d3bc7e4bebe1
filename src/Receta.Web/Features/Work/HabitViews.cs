using Microsoft.EntityFrameworkCore;
using Receta.Core.Work;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>A habit as of a day: its streaks and strength, and the dates checked up to that day.</summary>
public static class HabitViews
{
    public static HabitResponse Compute(Habit habit, IReadOnlyList<DateOnly> checks, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(habit);
        ArgumentNullException.ThrowIfNull(checks);
        var upToDay = checks.Where(c => c <= asOf).Order().ToList();
        var report = HabitCalculator.Compute(new HabitFrequency(habit.Times, habit.PerDays), upToDay, asOf);
        return new(habit.Id, habit.Title, habit.Times, habit.PerDays, report.CurrentStreak, report.BestStreak, report.Strength, upToDay);
    }

    /// <summary>One habit as of <paramref name="asOf"/>.</summary>
    public static async Task<HabitResponse> ForHabitAsync(Habit habit, DateOnly asOf, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(habit);
        ArgumentNullException.ThrowIfNull(db);
        var checks = await db.HabitChecks.AsNoTracking()
            .Where(c => c.OwnerId == habit.OwnerId && c.HabitId == habit.Id && c.Date <= asOf)
            .Select(c => c.Date).ToListAsync();
        return Compute(habit, checks, asOf);
    }

    /// <summary>Every habit of the goal as of <paramref name="asOf"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<HabitResponse>> ForGoalAsync(GoalScope scope, DateOnly asOf, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var habits = await db.Habits.Under(scope).OrderBy(h => h.Sequence).ToListAsync();
        var checks = (await db.HabitChecks.AsNoTracking()
                .Where(c => c.OwnerId == goal.OwnerId && c.GoalId == goal.Id && c.Date <= asOf)
                .Select(c => new { c.HabitId, c.Date })
                .ToListAsync())
            .ToLookup(c => c.HabitId, c => c.Date);
        return habits.Select(h => Compute(h, checks[h.Id].ToList(), asOf)).ToList();
    }
}
