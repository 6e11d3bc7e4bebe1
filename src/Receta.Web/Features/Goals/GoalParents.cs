using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>A goal's parent must be another goal of the same owner, and goals must not contain themselves.</summary>
public static class GoalParents
{
    private const int MaxDepth = 100;

    public static async Task<Outcome<Guid?>> ReadAsync(string? parentId, Goal goal, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(db);
        if (parentId is null)
        {
            return (Guid?)null;
        }
        if (!Guid.TryParse(parentId, out var id)
            || !await db.Goals.AnyAsync(g => g.OwnerId == goal.OwnerId && g.Id == id))
        {
            return Failure.Invalid("parentId", "'parentId' must name another goal of yours.");
        }

        var ancestor = (Guid?)id;
        for (var depth = 0; ancestor is { } current && depth < MaxDepth; depth++)
        {
            if (current == goal.Id)
            {
                return Failure.Conflict("A goal cannot be a sub-goal of itself or of its own sub-goals.");
            }
            ancestor = await db.Goals.Where(g => g.OwnerId == goal.OwnerId && g.Id == current)
                .Select(g => g.ParentId).FirstOrDefaultAsync();
        }
        return (Guid?)id;
    }

    /// <summary>
    /// The goals <paramref name="goal"/> could be placed under, by title: the owner's other goals
    /// but for its own sub-goals at any depth (the same rule <see cref="ReadAsync"/> enforces).
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Title)>> ChoicesAsync(Goal goal, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(db);
        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == goal.OwnerId)
            .Select(g => new { g.Id, g.ParentId, g.Title, g.Sequence }).ToListAsync();
        var children = goals.ToLookup(g => g.ParentId);
        var excluded = new HashSet<Guid> { goal.Id };
        var pending = new Queue<Guid>([goal.Id]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var child in children[current].Where(child => excluded.Add(child.Id)))
            {
                pending.Enqueue(child.Id);
            }
        }
        return [.. goals.Where(g => !excluded.Contains(g.Id)).OrderBy(g => g.Sequence).Select(g => (g.Id, g.Title))];
    }
}
