using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Receta.Data.Accounts;
using Receta.Data.Circle;
using Receta.Data.Goals;

namespace Receta.Data.Sharding;

/// <summary>
/// Adds the route of every goal, invitation, token and calendar feed address a save creates, in the
/// same save, so that no item exists that its id or secret cannot reach. Routes are not removed
/// with their item: a stale one leads to an owner's shard where the item is not found, as a revoked
/// token or a deleted goal should be; removing an account removes all of its routes.
/// </summary>
public sealed class RouteWriter : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddRoutes(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddRoutes(eventData);
        return result;
    }

    private static void AddRoutes(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not RecetaDbContext db)
        {
            return;
        }
        // Entries() detects changes first, as SaveChanges would: a feed's new secret shows as modified.
        var ids = new List<IdRoute>();
        var secrets = new List<SecretRoute>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Goal goal when entry.State == EntityState.Added:
                    ids.Add(new IdRoute { Id = goal.Id, OwnerId = goal.OwnerId });
                    break;
                case CircleMember member when entry.State == EntityState.Added:
                    ids.Add(new IdRoute { Id = member.Id, OwnerId = member.OwnerId });
                    break;
                case AccessToken token when entry.State == EntityState.Added:
                    secrets.Add(new SecretRoute { SecretHash = token.SecretHash, UserId = token.UserId });
                    break;
                case CalendarFeed feed when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Property(nameof(CalendarFeed.SecretHash)).IsModified):
                    // A new address for the same account: the old route stays and finds no feed.
                    secrets.Add(new SecretRoute { SecretHash = feed.SecretHash, UserId = feed.UserId });
                    break;
            }
        }
        db.IdRoutes.AddRange(ids);
        db.SecretRoutes.AddRange(secrets);
    }
}
