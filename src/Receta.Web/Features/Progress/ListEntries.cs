using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Progress;

public static class ListEntries
{
    public static async Task<Outcome<Page<EntryResponse>>> HandleAsync(
        GoalScope scope, DateOnly? from, DateOnly? to, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var query = db.Entries.AsNoTracking().Where(e => e.OwnerId == goal.OwnerId && e.GoalId == goal.Id);
        if (from is { } first)
        {
            query = query.Where(e => e.Date >= first);
        }
        if (to is { } last)
        {
            query = query.Where(e => e.Date <= last);
        }
        if (page.TryGetAfter<DateOnly>(0, out var afterDate) && page.TryGetAfter<long>(1, out var afterSequence))
        {
            query = query.Where(e => e.Date > afterDate || (e.Date == afterDate && e.Sequence > afterSequence));
        }
        var rows = await query.OrderBy(e => e.Date).ThenBy(e => e.Sequence).Take(page.Limit + 1).ToListAsync();
        return rows.ToPage(page, EntryResponses.From, e => PageRequest.Encode(e.Date.ToString("O", null), e.Sequence));
    }

    /// <summary>The last <paramref name="count"/> entries dated up to <paramref name="asOf"/>, newest first (as logged on one day: last logged first).</summary>
    public static async Task<IReadOnlyList<EntryResponse>> RecentAsync(GoalScope scope, DateOnly asOf, int count, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        var goal = scope.Goal;
        var rows = await db.Entries.AsNoTracking()
            .Where(e => e.OwnerId == goal.OwnerId && e.GoalId == goal.Id && e.Date <= asOf)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Sequence).Take(count).ToListAsync();
        return [.. rows.Select(EntryResponses.From)];
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/entries", async (GoalScope scope, string? from, string? to, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var first = errors.QueryDate(from, "from");
                var last = errors.QueryDate(to, "to");
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(scope, first, last, page, db)).ToOk();
            })
            .Requires(GoalAction.Read)
            .Produces<Page<EntryResponse>>()
            .WithDescription("The goal's entries in date order, optionally from and to a date.");
}
