using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Data.Sharding;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>
/// The caller's goals, own and shared with them, in the order they came into the list: created, or
/// joined. Both take their place from the account's one goal sequence, so one cursor pages them.
/// </summary>
public static class ListGoals
{
    private sealed record Row(Goal Goal, CircleRole Role, long Place);

    // Compiled: the goal list is one of the hottest reads (docs/adr/0013).
    private static readonly CompiledPerModel<Func<RecetaDbContext, Guid, long, int, IAsyncEnumerable<Row>>> Own =
        new(() => EF.CompileAsyncQuery((RecetaDbContext db, Guid userId, long after, int take) =>
            db.Goals.AsNoTracking()
                .Where(g => g.OwnerId == userId && g.Sequence > after)
                .OrderBy(g => g.Sequence).Take(take)
                .Select(g => new Row(g, CircleRole.Owner, g.Sequence))));

    private static readonly CompiledPerModel<Func<RecetaDbContext, Guid, long, int, IAsyncEnumerable<Row>>> Shared =
        new(() => EF.CompileAsyncQuery((RecetaDbContext db, Guid userId, long after, int take) =>
            db.CircleMembers.AsNoTracking()
                .AcrossOwners("the goals shared with a member are in their owners' shards")
                .Where(m => m.UserId == userId && m.Status == MemberStatus.Active && m.ListSequence > after)
                .OrderBy(m => m.ListSequence).Take(take)
                .Join(db.Goals.AsNoTracking(), m => new { m.OwnerId, Id = m.GoalId }, g => new { g.OwnerId, g.Id },
                    (m, g) => new Row(g, m.Role, m.ListSequence!.Value))));

    public static async Task<Outcome<Page<GoalResponse>>> HandleAsync(CurrentUser user, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var after = page.TryGetAfter<long>(0, out var sequence) ? sequence : 0;

        var own = await Own.For(db)(db, user.Id, after, page.Limit + 1).ToListAsync();
        var shared = await Shared.For(db)(db, user.Id, after, page.Limit + 1).ToListAsync();

        var rows = own.Concat(shared).OrderBy(r => r.Place).Take(page.Limit + 1).ToList();
        return rows.ToPage(page, r => GoalResponses.From(r.Goal, r.Role), r => PageRequest.Encode(r.Place));
    }

    public static void Map(RouteGroupBuilder goals) =>
        goals.MapGet("/", async (CurrentUser user, string? limit, string? cursor, ReadContexts reads) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any
                    ? errors.ToFailure().ToResult()
                    : (await reads.ReadAsync(db => HandleAsync(user, page, db))).ToOk();
            })
            .KeptUnderStamp()
            .Produces<Page<GoalResponse>>()
            .WithDescription("The caller's goals and those shared with them, each with the caller's role.");
}
