using Microsoft.Extensions.Caching.Memory;
using Receta.Data.Goals;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Caches what is computed from a goal's history. Keys carry the goal's <see cref="Goal.Version"/>,
/// which every change under the goal raises in the same transaction, so a node never serves a view
/// older than the goal row it just read, and several nodes need no shared cache to agree.
/// </summary>
public sealed class GoalViewCache(IMemoryCache? cache)
{
    /// <summary>
    /// Computes every time and keeps nothing: for a view of a change not committed yet, which a node
    /// must never serve under the version it raised if the change is rolled back.
    /// </summary>
    public static GoalViewCache None { get; } = new(null);

    private static readonly TimeSpan SlidingExpiration = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The goal row as of <paramref name="version"/>, loaded once per version: a copy, so that no
    /// request can change what another reads. A goal loaded at a newer version (a change came in
    /// between) is kept under its own.
    /// </summary>
    public async Task<Goal?> GetGoalAsync(Guid id, long version, Func<Task<Goal?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (cache is not null && cache.TryGetValue((id, version, "goal"), out Goal? cached) && cached is not null)
        {
            return cached.Copy();
        }
        var goal = await load();
        if (goal is not null && cache is not null)
        {
            using var entry = cache.CreateEntry((goal.Id, goal.Version, "goal"));
            entry.Value = goal.Copy();
            entry.Size = 1;
            entry.SlidingExpiration = SlidingExpiration;
        }
        return goal;
    }

    public async Task<T> GetOrCreateAsync<T>(Goal goal, string view, object? argument, Func<Task<T>> create, Func<T, long>? sizeOf = null)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(create);
        if (cache is null)
        {
            return await create();
        }
        var key = (goal.Id, goal.Version, view, argument);
        if (cache.TryGetValue(key, out T? cached) && cached is not null)
        {
            return cached;
        }
        var value = await create();
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.Size = Math.Max(1, sizeOf?.Invoke(value) ?? 1);
        entry.SlidingExpiration = SlidingExpiration;
        return value;
    }
}
