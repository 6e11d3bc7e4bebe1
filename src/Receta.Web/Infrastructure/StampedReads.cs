using System.Collections.Concurrent;
using Receta.Data;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Reads kept under the database's change stamp (<see cref="ReadContexts.ChangeStamp"/>) and served
/// only under the same stamp: any commit anywhere, on this node or another (a revoked token, a new
/// entry, a circle removal), changes the stamp, and the next request reads again. This is what lets
/// a token's read and the goal list skip the database between changes (docs/adr/0013). Without a
/// stamp (PostgreSQL) nothing is kept and every read goes to the database.
/// </summary>
public sealed class StampedReads(ReadContexts reads)
{
    /// <summary>Reads kept; past it they are dropped at once (a stamp changes often enough to keep them few).</summary>
    private const int Kept = 10_000;

    private readonly ConcurrentDictionary<object, (long Stamp, object? Value)> _kept = new();

    /// <summary>
    /// What <paramref name="read"/> returns, read again unless it was read under the stamp of now.
    /// <paramref name="key"/> names the read and everything it depends on; the value must not change once read.
    /// </summary>
    public async Task<T> GetOrReadAsync<T>(object key, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(read);
        // Taken before the read: what is read is at least as new as the stamp it is kept under.
        var stamp = reads.ChangeStamp();
        if (stamp is { } now && _kept.TryGetValue(key, out var kept) && kept.Stamp == now)
        {
            return (T)kept.Value!;
        }
        var value = await read();
        if (stamp is { } then)
        {
            if (_kept.Count >= Kept)
            {
                _kept.Clear();
            }
            _kept[key] = (then, value);
        }
        return value;
    }
}
