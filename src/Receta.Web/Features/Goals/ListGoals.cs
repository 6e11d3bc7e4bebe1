using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>
/// The caller's goals, own and shared with them, in the order they came into the list: created, or
/// joined. Both take their place from the account's one goal sequence, so one cursor pages them.
/// </summary>
public static class ListGoals
{
    public static async Task<Outcome<Page<GoalResponse>>> HandleAsync(CurrentUser user, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var after = page.TryGetAfter<long>(0, out var sequence) ? sequence : 0;

        var own = await db.Goals.AsNoTracking()
            .Where(g => g.OwnerId == user.Id && g.Sequence > after)
            .OrderBy(g => g.Sequence).Take(page.Limit + 1)
            .Select(g => new { Goal = g, Role = CircleRole.Owner, Place = g.Sequence })
            .ToListAsync();
        var shared = await db.CircleMembers.AsNoTracking()
            .AcrossOwners("the goals shared with a member are in their owners' shards")
            .Where(m => m.UserId == user.Id && m.Status == MemberStatus.Active && m.ListSequence > after)
            .OrderBy(m => m.ListSequence).Take(page.Limit + 1)
            .Join(db.Goals.AsNoTracking(), m => new { m.OwnerId, Id = m.GoalId }, g => new { g.OwnerId, g.Id },
                (m, g) => new { Goal = g, m.Role, Place = m.ListSequence!.Value })
            .ToListAsync();

        var rows = own.Concat(shared).OrderBy(r => r.Place).Take(page.Limit + 1).ToList();
        return rows.ToPage(page, r => GoalResponses.From(r.Goal, r.Role), r => PageRequest.Encode(r.Place));
    }

    public static void Map(RouteGroupBuilder goals) =>
        goals.MapGet("/", async (CurrentUser user, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : (await HandleAsync(user, page, db)).ToOk();
            })
            .Produces<Page<GoalResponse>>()
            .WithDescription("The caller's goals and those shared with them, each with the caller's role.");
}
