using Microsoft.EntityFrameworkCore;
using Receta.Core.Breaks;
using Receta.Core.Circle;
using Receta.Core.Work;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

/// <summary>
/// A habit as of a day: its streaks and strength on its counted days (skips and the goal's breaks excuse the days
/// they cover), and the dates checked and skipped up to that day. Every view of a habit (the API, the goal page,
/// the dashboard) is built here, so they all judge it on the same days.
/// </summary>
public static class HabitViews
{
    public static HabitResponse Compute(
        Habit habit, IReadOnlyList<DateOnly> checks, IReadOnlyList<DateOnly> skips, ActiveDays activeDays, DateOnly asOf, IReadOnlyList<ReminderResponse> reminders)
    {
        ArgumentNullException.ThrowIfNull(habit);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(skips);
        var upToDay = checks.Where(c => c <= asOf).Order().ToList();
        var skippedUpToDay = skips.Where(s => s <= asOf).Order().ToList();
        var report = HabitCalculator.Compute(new HabitFrequency(habit.Times, habit.PerDays), upToDay, skippedUpToDay, activeDays, asOf);
        return new(habit.Id, habit.Title, habit.Times, habit.PerDays, report.CurrentStreak, report.BestStreak, report.Strength, upToDay, skippedUpToDay, reminders);
    }

    /// <summary>One habit of the scope's goal as of <paramref name="asOf"/>.</summary>
    public static async Task<HabitResponse> ForHabitAsync(GoalScope scope, Habit habit, DateOnly asOf, RecetaDbContext db, GoalHistories histories)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(habit);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(histories);
        var checks = await db.HabitChecks.AsNoTracking()
            .Where(c => c.OwnerId == habit.OwnerId && c.HabitId == habit.Id && c.Date <= asOf)
            .Select(c => c.Date).ToListAsync();
        var skips = await db.HabitSkips.AsNoTracking()
            .Where(s => s.OwnerId == habit.OwnerId && s.HabitId == habit.Id && s.Date <= asOf)
            .Select(s => s.Date).ToListAsync();
        var reminders = IsOwner(scope) ? await HabitReminderRules.LoadAsync(db, habit.OwnerId, habit.Id) : [];
        return Compute(habit, checks, skips, await histories.GetBreaksAsync(scope.Goal, db), asOf, RemindersFor(scope, reminders));
    }

    /// <summary>Every habit of the goal as of <paramref name="asOf"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<HabitResponse>> ForGoalAsync(GoalScope scope, DateOnly asOf, RecetaDbContext db, GoalHistories histories)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(histories);
        var goal = scope.Goal;
        var habits = await db.Habits.Under(scope).OrderBy(h => h.Sequence).ToListAsync();
        var checks = (await db.HabitChecks.AsNoTracking()
                .Where(c => c.OwnerId == goal.OwnerId && c.GoalId == goal.Id && c.Date <= asOf)
                .Select(c => new { c.HabitId, c.Date })
                .ToListAsync())
            .ToLookup(c => c.HabitId, c => c.Date);
        var skips = (await db.HabitSkips.AsNoTracking()
                .Where(s => s.OwnerId == goal.OwnerId && s.GoalId == goal.Id && s.Date <= asOf)
                .Select(s => new { s.HabitId, s.Date })
                .ToListAsync())
            .ToLookup(s => s.HabitId, s => s.Date);
        var activeDays = await histories.GetBreaksAsync(goal, db);
        var reminders = IsOwner(scope)
            ? (await db.HabitReminders.AsNoTracking().Where(r => r.OwnerId == goal.OwnerId && r.GoalId == goal.Id).ToListAsync()).ToLookup(r => r.HabitId)
            : Enumerable.Empty<HabitReminder>().ToLookup(r => r.HabitId);
        return habits.Select(h => Compute(h, checks[h.Id].ToList(), skips[h.Id].ToList(), activeDays, asOf, RemindersFor(scope, reminders[h.Id]))).ToList();
    }

    /// <summary>A habit's reminders as its reader may see them: the owner's own, so a circle member sees none.</summary>
    public static IReadOnlyList<ReminderResponse> RemindersFor(GoalScope scope, IEnumerable<HabitReminder> reminders)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return IsOwner(scope) ? HabitReminderRules.Responses(reminders) : [];
    }

    private static bool IsOwner(GoalScope scope) => scope.Role == CircleRole.Owner;

    /// <summary>
    /// Whether the habit asks for a check on <paramref name="day"/>: not when the day is excused (skipped, or in a
    /// break of the goal, and not checked), since a check there would count and a miss would not.
    /// </summary>
    public static bool IsExcused(HabitResponse habit, DateOnly day, ActiveDays activeDays)
    {
        ArgumentNullException.ThrowIfNull(habit);
        ArgumentNullException.ThrowIfNull(activeDays);
        return HabitCalculator.IsExcused(habit.Checks.Contains(day), habit.Skips.Contains(day), !activeDays.IsActive(day));
    }
}
