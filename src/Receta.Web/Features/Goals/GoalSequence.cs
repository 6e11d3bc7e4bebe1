using Microsoft.EntityFrameworkCore;
using Receta.Data;

namespace Receta.Web.Features.Goals;

/// <summary>
/// The next place in an account's list of goals (own goals and shared ones interleave by it).
/// Taken with one UPDATE inside the caller's transaction: the account's row stays locked until the
/// goal or the membership is saved, so an account creating several goals at once queues them
/// rather than losing races.
/// </summary>
public static class GoalSequence
{
    /// <summary>Runs <paramref name="save"/> with the account's next sequence number, in one transaction (the caller's, if it has one).</summary>
    public static async Task<T> TakeNextAsync<T>(RecetaDbContext db, Guid userId, Func<long, Task<T>> save)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(save);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(user => user.SetProperty(u => u.GoalSequence, u => u.GoalSequence + 1));
        var next = await db.Users.Where(u => u.Id == userId).Select(u => u.GoalSequence).SingleAsync();
        var saved = await save(next);
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }
        return saved;
    }
}
