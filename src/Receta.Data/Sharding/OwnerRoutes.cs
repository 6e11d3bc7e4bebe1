using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Receta.Data.Sharding;

/// <summary>
/// Finds the owner of an id or a secret through its route (<see cref="IdRoute"/>,
/// <see cref="SecretRoute"/>), keeping what it found: a route never changes, so a kept one is never
/// wrong and the hot reads stay one statement (docs/adr/0013). What is not found is not kept: an item
/// made on another node a moment ago must be found on the next request.
/// </summary>
public sealed class OwnerRoutes(ReadContexts reads)
{
    /// <summary>Routes kept per kind; past it they are dropped all at once and found again as asked.</summary>
    private const int Kept = 100_000;

    private readonly ConcurrentDictionary<Guid, Guid> _owners = new();
    private readonly ConcurrentDictionary<string, Guid> _accounts = new(StringComparer.Ordinal);

    /// <summary>The owner of the goal or invitation <paramref name="id"/>; null when no such item was ever made.</summary>
    public async ValueTask<Guid?> OwnerOfAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_owners.TryGetValue(id, out var kept))
        {
            return kept;
        }
        var owner = await reads.ReadAsync(db => FindOwnerAsync(db, id, cancellationToken));
        return owner is { } found ? Keep(_owners, id, found) : null;
    }

    /// <summary>
    /// The owner of <paramref name="id"/> read on <paramref name="db"/>, kept nowhere: for a change or a
    /// job, which read the item tracked on their own context right after.
    /// </summary>
    public static Task<Guid?> FindOwnerAsync(RecetaDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IdRoutes.Where(r => r.Id == id).Select(r => (Guid?)r.OwnerId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The account of the token or feed whose secret hashes to <paramref name="secretHash"/>; null when none was ever made.</summary>
    public async ValueTask<Guid?> AccountOfAsync(byte[] secretHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secretHash);
        var key = Convert.ToBase64String(secretHash);
        if (_accounts.TryGetValue(key, out var kept))
        {
            return kept;
        }
        var account = await reads.ReadAsync(db => FindAccountAsync(db, secretHash, cancellationToken));
        return account is { } found ? Keep(_accounts, key, found) : null;
    }

    /// <summary>The account of <paramref name="secretHash"/> read on <paramref name="db"/>, kept nowhere (see <see cref="FindOwnerAsync"/>).</summary>
    public static Task<Guid?> FindAccountAsync(RecetaDbContext db, byte[] secretHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SecretRoutes.Where(r => r.SecretHash == secretHash).Select(r => (Guid?)r.UserId).FirstOrDefaultAsync(cancellationToken);
    }

    private static Guid Keep<TKey>(ConcurrentDictionary<TKey, Guid> kept, TKey key, Guid owner)
        where TKey : notnull
    {
        if (kept.Count >= Kept)
        {
            kept.Clear();
        }
        kept[key] = owner;
        return owner;
    }
}
