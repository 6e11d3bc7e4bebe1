using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Goals;

namespace Receta.Web.Features.Exporting;

/// <summary>One goal and everything under it, in the order each kind was made, as the export writes it.</summary>
internal static class ExportGoals
{
    public static async Task<ExportGoal> ReadAsync(RecetaDbContext db, Goal goal, CancellationToken cancellationToken)
    {
        var (owner, id) = (goal.OwnerId, goal.Id);
        var entries = await db.Entries.AsNoTracking().Where(e => e.OwnerId == owner && e.GoalId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.Sequence)
            .Select(e => new ExportEntry(e.Id, e.Date, e.Value, e.Note, e.CreatedAt))
            .ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.OwnerId == owner && m.GoalId == id).OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().Where(s => s.OwnerId == owner && s.GoalId == id).OrderBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        var work = await db.WorkSessions.AsNoTracking().Where(w => w.OwnerId == owner && w.GoalId == id)
            .OrderBy(w => w.Date).ThenBy(w => w.Sequence)
            .Select(w => new ExportWorkSession(w.Id, w.Date, w.Minutes, w.Note, w.MilestoneId, w.SkillId))
            .ToListAsync(cancellationToken);
        var habits = await db.Habits.AsNoTracking().Where(h => h.OwnerId == owner && h.GoalId == id).OrderBy(h => h.Sequence)
            .ToListAsync(cancellationToken);
        var checks = (await db.HabitChecks.AsNoTracking().Where(c => c.OwnerId == owner && c.GoalId == id).Select(c => new { c.HabitId, c.Date })
            .ToListAsync(cancellationToken)).ToLookup(c => c.HabitId, c => c.Date);
        var skips = (await db.HabitSkips.AsNoTracking().Where(s => s.OwnerId == owner && s.GoalId == id).Select(s => new { s.HabitId, s.Date })
            .ToListAsync(cancellationToken)).ToLookup(s => s.HabitId, s => s.Date);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.OwnerId == owner && a.GoalId == id)
            .OrderBy(a => a.Date).ThenBy(a => a.Sequence)
            .Select(a => new ExportAttempt(a.Id, a.Title, a.Date, a.Outcome, a.Feedback, a.Lesson))
            .ToListAsync(cancellationToken);
        var breaks = await db.GoalBreaks.AsNoTracking().Where(b => b.OwnerId == owner && b.GoalId == id).OrderBy(b => b.From)
            .Select(b => new ExportBreak(b.Id, b.From, b.To, b.Note))
            .ToListAsync(cancellationToken);
        var cheers = await db.Cheers.AsNoTracking().Where(c => c.OwnerId == owner && c.GoalId == id).OrderBy(c => c.Sequence)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new ExportCheer(u.DisplayName, c.Message, c.CreatedAt))
            .ToListAsync(cancellationToken);
        return new ExportGoal(
            goal.Id,
            goal.SeedId ?? goal.Id,
            goal.ParentId,
            goal.Title,
            goal.Purpose,
            goal.StartDate,
            goal.TargetDate,
            goal.WeeklyCapacityHours,
            goal.Status,
            goal.NoPreparationNeeded,
            goal.Measure is { } measure ? new MeasureFields(measure.Unit, measure.Start, measure.Target, measure.Aggregation) : null,
            goal.CreatedAt,
            entries,
            [.. milestones.Select(m => new ExportMilestone(m.Id, m.Title, m.DueDate, m.EstimateHours, m.TargetValue, m.DependsOn, m.Status, m.CompletedOn, m.FromAttemptId, m.Sequence, m.CreatedAt))],
            [.. skills.Select(s => new ExportSkill(s.Id, s.Name, s.Level, s.TargetLevel,
                [.. s.Resources.Select(r => new ResourceFields(r.Title, r.Url, r.Done))], s.FromAttemptId, s.Sequence, s.CreatedAt))],
            work,
            [.. habits.Select(h => new ExportHabit(h.Id, h.Title, h.Times, h.PerDays, [.. checks[h.Id].Order()], [.. skips[h.Id].Order()]))],
            attempts,
            breaks,
            cheers);
    }
}
