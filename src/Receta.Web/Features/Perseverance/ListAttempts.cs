using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Perseverance;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

/// <summary>
/// The attempts of a goal as of a day, numbered 1, 2, ... in date order, with their statistics, the
/// comeback after each failure and the skills and milestones that apply each lesson.
/// </summary>
public static class ListAttempts
{
    public static async Task<AttemptsResponse> HandleAsync(GoalScope scope, DateOnly asOf, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempts = await db.Attempts.Under(scope).Where(a => a.Date <= asOf).ToListAsync();
        return await ViewAsync(scope, attempts, db);
    }

    /// <summary>
    /// An attempt as the list shows it among all attempts of its goal, whatever their dates: what a
    /// create or a change answers (its number, comeback and what its lesson became).
    /// </summary>
    public static async Task<AttemptResponse> OneAsync(GoalScope scope, Guid attemptId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempts = await db.Attempts.Under(scope).ToListAsync();
        return (await ViewAsync(scope, attempts, db)).Items.First(a => a.Id == attemptId);
    }

    private static async Task<AttemptsResponse> ViewAsync(GoalScope scope, List<Attempt> attempts, RecetaDbContext db)
    {
        var byId = attempts.ToDictionary(a => a.Id.ToString());
        var ledger = AttemptLedger.Number(attempts.Select(a => new AttemptRecord(a.Id.ToString(), a.Date, a.Sequence, a.Outcome, a.Lesson)));
        var comebacks = Comebacks.Measure(ledger.Items, await AppliedItemsAsync(scope, db));
        return new AttemptsResponse(
            comebacks.Items.Select(c => AttemptResponses.From(byId[c.Attempt.Attempt.Id], c)).ToList(),
            ledger.Total, ledger.Succeeded, ledger.Failed, ledger.Pending, ledger.AttemptsToFirstSuccess,
            comebacks.MedianComebackDays, comebacks.LessonsApplied);
    }

    /// <summary>The goal's skills and milestones that apply an attempt's lesson (undated: taken as they are now).</summary>
    private static async Task<List<AppliedItem>> AppliedItemsAsync(GoalScope scope, RecetaDbContext db)
    {
        var skills = await db.Skills.Under(scope).Where(s => s.FromAttemptId != null)
            .Select(s => new { s.Id, s.Sequence, AttemptId = s.FromAttemptId!.Value }).ToListAsync();
        var milestones = await db.Milestones.Under(scope).Where(m => m.FromAttemptId != null)
            .Select(m => new { m.Id, m.Sequence, AttemptId = m.FromAttemptId!.Value }).ToListAsync();
        return
        [
            .. skills.Select(s => new AppliedItem(AppliedKind.Skill, s.Id.ToString(), s.Sequence, s.AttemptId.ToString())),
            .. milestones.Select(m => new AppliedItem(AppliedKind.Milestone, m.Id.ToString(), m.Sequence, m.AttemptId.ToString())),
        ];
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/attempts", async (GoalScope scope, string? asOf, RecetaDbContext db) =>
                await AsOfView.ServeAsync(asOf, scope, day => HandleAsync(scope, day, db)))
            .Requires(GoalAction.Read)
            .Produces<AttemptsResponse>()
            .WithDescription("The attempts as of a day, numbered in date order, with the counts, the attempts it took to the first success, the comeback after each failure, their median, and the skills and milestones that apply each lesson.");
}
