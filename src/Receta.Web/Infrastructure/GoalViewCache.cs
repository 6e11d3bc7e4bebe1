using Microsoft.Extensions.Caching.Memory;
using Receta.Data.Goals;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Caches what is computed from a goal's history. Each view is kept with the goal's
/// <see cref="Goal.Version"/> it was computed at, which every change under the goal raises in the same
/// transaction, and is served only to a reader that asks for that very version: so a node never serves
/// a view older (or newer) than the goal row it just read, and several nodes need no shared cache to agree.
/// </summary>
/// <remarks>
/// One value is kept per goal, view and argument, not one per version: a read always asks for the
/// version it has just read, so a superseded version is never asked for again. Kept per version, a goal
/// written to steadily left a copy of each of its views behind at every write, each as large as the
/// history, until the sliding expiration or the size limit dropped them: the cache filled towards its
/// limit and a node's memory rose for as long as the writes went on (the soak, issue 11).
/// </remarks>
public sealed class GoalViewCache(IMemoryCache? cache)
{
    /// <summary>
    /// Computes every time and keeps nothing: for a view of a change not committed yet, which a node
    /// must never serve under the version it raised if the change is rolled back.
    /// </summary>
    public static GoalViewCache None { get; } = new(null);

    private static readonly TimeSpan SlidingExpiration = TimeSpan.FromMinutes(10);

    /// <summary>A value and the goal version it was computed at.</summary>
    private sealed record Versioned(long Version, object Value);

    /// <summary>
    /// The goal row as of <paramref name="version"/>, loaded once per version: a copy, so that no
    /// request can change what another reads. A goal loaded at a newer version (a change came in
    /// between) is kept as of its own, for the readers that come after the change.
    /// </summary>
    public async Task<Goal?> GetGoalAsync(Guid id, long version, Func<Task<Goal?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (cache is null)
        {
            return await load();
        }
        var key = (id, "goal");
        if (Find(cache, key, version) is Goal cached)
        {
            return cached.Copy();
        }
        var goal = await load();
        if (goal is not null)
        {
            Keep(cache, key, goal.Version, goal.Copy(), 1);
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
        var key = (goal.Id, view, argument);
        if (Find(cache, key, goal.Version) is T cached)
        {
            return cached;
        }
        var value = await create();
        if (value is not null)
        {
            Keep(cache, key, goal.Version, value, Math.Max(1, sizeOf?.Invoke(value) ?? 1));
        }
        return value;
    }

    /// <summary>What is kept under <paramref name="key"/> if it was computed at <paramref name="version"/>; null otherwise.</summary>
    private static object? Find(IMemoryCache cache, object key, long version) =>
        cache.TryGetValue(key, out Versioned? kept) && kept is not null && kept.Version == version ? kept.Value : null;

    /// <summary>
    /// Keeps <paramref name="value"/> in place of what is kept under <paramref name="key"/>, unless that is
    /// of a newer version: a reader whose read raced a write holds the older version, and the newer
    /// value is the one the next readers ask for. Two readers storing at once may still leave the older
    /// one kept; that costs the next reader of the newer version a computation, never a wrong answer,
    /// since <see cref="Find"/> serves only the version asked for.
    /// </summary>
    private static void Keep(IMemoryCache cache, object key, long version, object value, long size)
    {
        if (cache.TryGetValue(key, out Versioned? kept) && kept is not null && kept.Version > version)
        {
            return;
        }
        using var entry = cache.CreateEntry(key);
        entry.Value = new Versioned(version, value);
        entry.Size = size;
        entry.SlidingExpiration = SlidingExpiration;
    }
}
