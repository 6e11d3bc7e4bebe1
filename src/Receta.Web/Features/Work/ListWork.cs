using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Core.Work;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Work;

public static class ListWork
{
    /// <summary>A page of work sessions; the totals and weeks cover the whole <c>from</c>–<c>to</c> range, not just the page.</summary>

    public static async Task<WorkLogResponse> HandleAsync(GoalScope scope, DateOnly? from, DateOnly? to, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var inRange = db.WorkSessions.Under(scope);
        if (from is { } first)
        {
            inRange = inRange.Where(w => w.Date >= first);
        }
        if (to is { } last)
        {
            inRange = inRange.Where(w => w.Date <= last);
        }

        var pageQuery = inRange;
        if (page.TryGetAfter<DateOnly>(0, out var afterDate) && page.TryGetAfter<long>(1, out var afterSequence))
        {
            pageQuery = pageQuery.Where(w => w.Date > afterDate || (w.Date == afterDate && w.Sequence > afterSequence));
        }
        var rows = await pageQuery.OrderBy(w => w.Date).ThenBy(w => w.Sequence).Take(page.Limit + 1).ToListAsync();
        var shown = rows.ToPage(page, WorkSessionResponses.From, w => PageRequest.Encode(w.Date.ToString("O", null), w.Sequence));

        var sessions = (await inRange.Select(w => new { w.Date, w.Minutes }).ToListAsync())
            .Select(w => new WorkSession(w.Date, w.Minutes)).ToList();
        return new WorkLogResponse(shown.Items, shown.NextCursor, sessions.Sum(s => s.Minutes),
            [.. Effort.ByIsoWeek(sessions).Select(w => new WeekMinutes(w.Week, w.Minutes))]);
    }

    public static void Map(RouteGroupBuilder goal) =>
        goal.MapGet("/work", async (GoalScope scope, string? from, string? to, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var first = errors.QueryDate(from, "from");
                var last = errors.QueryDate(to, "to");
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : TypedResults.Ok(await HandleAsync(scope, first, last, page, db));
            })
            .Requires(GoalAction.Read)
            .Produces<WorkLogResponse>()
            .WithDescription("Work sessions in date order, with the total minutes and minutes per ISO week of the range.");
}
