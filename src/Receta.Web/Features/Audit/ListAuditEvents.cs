using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Audit;

/// <summary>The caller's own audit log, newest first, paged by a cursor on (time, id).</summary>
public static class ListAuditEvents
{
    public static async Task<Outcome<Page<AuditEventResponse>>> HandleAsync(CurrentUser user, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var query = db.AuditEvents.AsNoTracking().Where(e => e.UserId == user.Id);
        if (page.TryGetAfter<long>(0, out var afterTicks) && page.TryGetAfter<Guid>(1, out var afterId))
        {
            var afterAt = new DateTimeOffset(afterTicks, TimeSpan.Zero);
            query = query.Where(e => e.At < afterAt || (e.At == afterAt && e.Id.CompareTo(afterId) < 0));
        }
        var rows = await query
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(page.Limit + 1)
            .ToListAsync();
        return rows.ToPage(
            page,
            e => new AuditEventResponse(e.Id, e.At, e.Action, e.Detail, e.GoalId, e.IpAddress),
            e => PageRequest.Encode(e.At.UtcTicks, e.Id));
    }

    public static void Map(RouteGroupBuilder audit) =>
        audit.MapGet("", async (CurrentUser user, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(user, page, db)).ToOk();
            })
            .Produces<Page<AuditEventResponse>>()
            .WithDescription("The account's security events, oldest first: sign-ins, tokens, role changes.");
}
