using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Perseverance;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

/// <summary>The attempts of a goal as of a day, numbered 1, 2, ... in date order, with their statistics.</summary>
public static class ListAttempts
{
    public static async Task<AttemptsResponse> HandleAsync(GoalScope scope, DateOnly asOf, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempts = await db.Attempts.Under(scope).Where(a => a.Date <= asOf).ToListAsync();
        var byId = attempts.ToDictionary(a => a.Id.ToString());
        var ledger = AttemptLedger.Number(attempts.Select(a => new AttemptRecord(a.Id.ToString(), a.Date, a.Sequence, a.Outcome, a.Lesson)));
        return new AttemptsResponse(
            ledger.Items.Select(n => AttemptResponses.From(byId[n.Attempt.Id], n.Number)).ToList(),
            ledger.Total, ledger.Succeeded, ledger.Failed, ledger.Pending, ledger.AttemptsToFirstSuccess);
    }

    /// <summary>The number an attempt has among all attempts of its goal.</summary>
    public static async Task<int> NumberOfAsync(GoalScope scope, Guid attemptId, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var attempts = await db.Attempts.Under(scope)
            .Select(a => new { a.Id, a.Date, a.Sequence, a.Outcome })
            .ToListAsync();
        var id = attemptId.ToString();
        var ledger = AttemptLedger.Number(attempts.Select(a => new AttemptRecord(a.Id.ToString(), a.Date, a.Sequence, a.Outcome, null)));
        return ledger.Items.First(n => n.Attempt.Id == id).Number;
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/attempts", async (GoalScope scope, string? asOf, RecetaDbContext db) =>
                await AsOfView.ServeAsync(asOf, scope, day => HandleAsync(scope, day, db)))
            .Requires(GoalAction.Read)
            .Produces<AttemptsResponse>()
            .WithDescription("The attempts as of a day, numbered in date order, with the counts and the attempts it took to the first success.");
}
