using Microsoft.EntityFrameworkCore;
using Receta.Data.Goals;

namespace Receta.Web.Infrastructure;

public static class GoalChildren
{
    /// <summary>The item with this id under the scope's goal, tracked for changes; null when there is none.</summary>
    public static async Task<T?> FindAsync<T>(this DbSet<T> items, GoalScope scope, string id)
        where T : class, IGoalChild
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Guid.TryParse(id, out var key))
        {
            return null;
        }
        var goal = scope.Goal;
        return await items.FirstOrDefaultAsync(i => i.OwnerId == goal.OwnerId && i.GoalId == goal.Id && i.Id == key);
    }

    /// <summary>The id of the item under the scope's goal named by <paramref name="id"/>; null when there is none.</summary>
    public static async Task<Guid?> FindIdAsync<T>(this DbSet<T> items, GoalScope scope, string id)
        where T : class, IGoalChild
    {
        if (!Guid.TryParse(id, out var key))
        {
            return null;
        }
        return await items.Under(scope).Where(i => i.Id == key).Select(i => (Guid?)i.Id).FirstOrDefaultAsync();
    }

    /// <summary>All items under the scope's goal, not tracked.</summary>
    public static IQueryable<T> Under<T>(this DbSet<T> items, GoalScope scope)
        where T : class, IGoalChild
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scope);
        var goal = scope.Goal;
        return items.AsNoTracking().Where(i => i.OwnerId == goal.OwnerId && i.GoalId == goal.Id);
    }
}
