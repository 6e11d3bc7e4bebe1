using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Receta.Core.Nudges;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Data.Goals;
using Receta.Data.Nudges;
using Receta.Web.Infrastructure;
using Receta.Web.Infrastructure.Email;

namespace Receta.Web.Features.Nudges;

/// <summary>
/// Habit reminders (connections.md §4): each reminder time that fell due in the last hour, in its
/// owner's zone and after their quiet hours, on one of its weekdays, for a habit of an active goal
/// whose day is not checked, skipped or in a break, becomes one email. Its delivery record (user,
/// kind, habit and time, local date) and the email are saved together, so however many nodes run
/// this and however often, a reminder goes out once; one due more than an hour ago (an outage) is dropped.
/// </summary>
public sealed class ReminderSweep(RecetaDbContext db, EmailOutbox outbox, NudgeMail mail, TimeProvider clock, ILogger<ReminderSweep> logger)
{
    public const string Kind = "reminder";

    private sealed record Due(
        NudgeRecipient To, Guid GoalId, Guid HabitId, string Habit, string Goal, TimeOnly Time, DateOnly Date, DateTimeOffset At)
    {
        public string Item => string.Create(CultureInfo.InvariantCulture, $"{HabitId:N}@{Time:HH\\:mm}");
    }

    /// <summary>Queues every reminder due now; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await FindDueAsync(now, cancellationToken);
        var queued = 0;
        foreach (var reminder in await WithoutExcusedAsync(due, cancellationToken))
        {
            queued += await QueueAsync(reminder, now, cancellationToken) ? 1 : 0;
        }
        return queued;
    }

    private async Task<List<Due>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reminders = await (
                from reminder in db.HabitReminders.AsNoTracking()
                join habit in db.Habits on new { reminder.OwnerId, Id = reminder.HabitId } equals new { habit.OwnerId, habit.Id }
                join goal in db.Goals on new { reminder.OwnerId, Id = reminder.GoalId } equals new { goal.OwnerId, goal.Id }
                join user in db.Users on reminder.OwnerId equals user.Id
                where goal.Status == GoalStatus.Active && user.Email != null
                select new
                {
                    reminder.OwnerId, reminder.GoalId, reminder.HabitId, reminder.Time, reminder.Weekdays,
                    Habit = habit.Title, Goal = goal.Title, user.Email, user.Language, user.TimeZone,
                })
            .AcrossOwners("the reminder sweep reads every reminder of an active goal")
            .ToListAsync(cancellationToken);
        var owners = reminders.Select(r => r.OwnerId).Distinct().ToList();
        var settingsOf = await NotificationSettingsStore.LoadForAsync(db, owners, cancellationToken);
        var found = new List<Due>();
        foreach (var reminder in reminders)
        {
            var wants = settingsOf(reminder.OwnerId);
            if (!wants.Reminders)
            {
                continue;
            }
            var zone = UserTimeZones.FindOrUtc(reminder.TimeZone);
            var today = UserTimeZones.Today(now, zone);
            // Yesterday's too: a reminder late in the evening may still be due past midnight (quiet hours, an outage).
            foreach (var date in new[] { today.AddDays(-1), today })
            {
                var at = NudgeClock.DueAt(date, reminder.Time, wants.QuietFrom, wants.QuietTo, zone);
                if (HabitReminder.FiresOn(reminder.Weekdays, date.DayOfWeek) && NudgeClock.IsDue(at, now))
                {
                    var to = new NudgeRecipient(reminder.OwnerId, reminder.Email!, reminder.Language, zone);
                    found.Add(new Due(to, reminder.GoalId, reminder.HabitId, reminder.Habit, reminder.Goal, reminder.Time, date, at));
                }
            }
        }
        return found;
    }

    /// <summary>Leaves out the reminders whose day is checked, skipped or in a break of the goal, or that went out already.</summary>
    private async Task<List<Due>> WithoutExcusedAsync(List<Due> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return due;
        }
        var owners = due.Select(d => d.To.UserId).Distinct().ToList();
        var habits = due.Select(d => d.HabitId).Distinct().ToList();
        var goals = due.Select(d => d.GoalId).Distinct().ToList();
        var first = due.Min(d => d.Date);
        var checks = await db.HabitChecks.AsNoTracking()
            .Where(c => owners.Contains(c.OwnerId) && habits.Contains(c.HabitId) && c.Date >= first)
            .Select(c => new { c.HabitId, c.Date }).ToListAsync(cancellationToken);
        var skips = await db.HabitSkips.AsNoTracking()
            .Where(s => owners.Contains(s.OwnerId) && habits.Contains(s.HabitId) && s.Date >= first)
            .Select(s => new { s.HabitId, s.Date }).ToListAsync(cancellationToken);
        var breaks = await db.GoalBreaks.AsNoTracking()
            .Where(b => owners.Contains(b.OwnerId) && goals.Contains(b.GoalId) && b.To >= first)
            .Select(b => new { b.GoalId, b.From, b.To }).ToListAsync(cancellationToken);
        var items = due.Select(d => d.Item).Distinct().ToList();
        var sent = await db.NudgeDeliveries.AsNoTracking()
            .Where(d => owners.Contains(d.UserId) && d.Kind == Kind && items.Contains(d.Item) && d.LocalDate >= first)
            .Select(d => new { d.UserId, d.Item, d.LocalDate }).ToListAsync(cancellationToken);
        return
        [
            .. due.Where(d =>
                !checks.Any(c => c.HabitId == d.HabitId && c.Date == d.Date)
                && !skips.Any(s => s.HabitId == d.HabitId && s.Date == d.Date)
                && !breaks.Any(b => b.GoalId == d.GoalId && b.From <= d.Date && d.Date <= b.To)
                && !sent.Any(s => s.UserId == d.To.UserId && s.Item == d.Item && s.LocalDate == d.Date)),
        ];
    }

    private async Task<bool> QueueAsync(Due reminder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = mail.Reminder(reminder.To, reminder.Habit, reminder.Goal, reminder.Time,
            new DoneLink(reminder.To.UserId, reminder.GoalId, reminder.HabitId, reminder.Date));
        var email = outbox.Queue(message, reminder.To.UserId);
        db.NudgeDeliveries.Add(new NudgeDelivery
        {
            UserId = reminder.To.UserId, Kind = Kind, Item = reminder.Item, LocalDate = reminder.Date, CreatedAt = now, EmailId = email.Id,
        });
        return await NudgeRecords.SaveOnceAsync(db, logger, Kind, cancellationToken);
    }
}
