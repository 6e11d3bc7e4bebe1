using Microsoft.EntityFrameworkCore;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Circle;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

/// <summary>Cheers and comments on a goal, from cheerleaders and up.</summary>
public static class Cheers
{
    public static async Task<Outcome<CheerResponse>> AddAsync(GoalScope scope, CheerRequest request, RecetaDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(db);
        var errors = new RequestErrors();
        var message = errors.Text(request.Message, "message");
        if (message is null)
        {
            errors.Add("message", "'message' is required.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var goal = scope.Goal;
        var now = clock.GetUtcNow();
        var cheer = new Cheer
        {
            OwnerId = goal.OwnerId,
            Id = Guid.CreateVersion7(now),
            GoalId = goal.Id,
            AuthorId = scope.User.Id,
            Message = message!,
            Sequence = scope.Touch(),
            CreatedAt = now,
        };
        db.Cheers.Add(cheer);
        await db.SaveChangesAsync();
        var author = await db.Users.Where(u => u.Id == cheer.AuthorId).Select(u => u.DisplayName).FirstAsync();
        return new CheerResponse(cheer.Id, cheer.Message, cheer.AuthorId, author, cheer.CreatedAt);
    }

    public static async Task<Page<CheerResponse>> ListAsync(GoalScope scope, PageRequest page, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Cheers.Under(scope);
        if (page.TryGetAfter<long>(0, out var after))
        {
            query = query.Where(c => c.Sequence > after);
        }
        var rows = await query.OrderBy(c => c.Sequence).Take(page.Limit + 1)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { Cheer = c, u.DisplayName })
            .ToListAsync();
        rows = [.. rows.OrderBy(r => r.Cheer.Sequence)];
        return rows.ToPage(page,
            r => new CheerResponse(r.Cheer.Id, r.Cheer.Message, r.Cheer.AuthorId, r.DisplayName, r.Cheer.CreatedAt),
            r => PageRequest.Encode(r.Cheer.Sequence));
    }

    public static void Map(RouteGroupBuilder goal)
    {
        goal.MapPost("/cheers", async (GoalScope scope, CheerRequest request, RecetaDbContext db, TimeProvider clock) =>
                (await AddAsync(scope, request, db, clock)).ToResult(cheer =>
                    TypedResults.Created($"/api/v1/goals/{scope.Goal.Id}/cheers/{cheer.Id}", cheer)))
            .Requires(GoalAction.Cheer)
            .Produces<CheerResponse>(StatusCodes.Status201Created)
            .WithName("Cheer")
            .WithDescription("Sends the goal a word of encouragement (cheerleader and up).");
        goal.MapGet("/cheers", async (GoalScope scope, string? limit, string? cursor, RecetaDbContext db) =>
            {
                var errors = new RequestErrors();
                var page = PageRequest.Read(limit, cursor, errors);
                return errors.Any ? errors.ToFailure().ToResult() : TypedResults.Ok(await ListAsync(scope, page, db));
            })
            .Requires(GoalAction.Cheer)
            .Produces<Page<CheerResponse>>()
            .WithName("ListCheers")
            .WithDescription("The goal's cheers, oldest first.");
    }
}
