using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Goals;

namespace Receta.Web.Infrastructure;

public static class GoalChildren
{
    /// <summary>The item with this id under the scope's goal, tracked for changes; null when there is none.</summary>
    public static async Task<T?> FindInGoalAsync<T>(this DbSet<T> items, GoalScope scope, string id)
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

    /// <summary>Deletes the item with this id under the scope's goal; not found when there is none.</summary>
    public static async Task<Outcome<bool>> RemoveAsync<T>(this RecetaDbContext db, DbSet<T> items, GoalScope scope, string id, string what)
        where T : class, IGoalChild
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var item = await items.FindInGoalAsync(scope, id);
        if (item is null)
        {
            return Failure.NotFound(what);
        }
        items.Remove(item);
        scope.Touch();
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Applies a JSON merge patch to the item with this id under the scope's goal: the merged fields
    /// are validated as on creation, and nothing is saved unless they are valid.
    /// </summary>
    public static async Task<Outcome<T>> PatchAsync<T, TFields>(
        this RecetaDbContext db, DbSet<T> items, GoalScope scope, string id, JsonElement patch, JsonSerializerOptions json, string what,
        Func<T, TFields> read, Func<TFields, T, Failure?> apply)
        where T : class, IGoalChild
        where TFields : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var item = await items.FindInGoalAsync(scope, id);
        if (item is null)
        {
            return Failure.NotFound(what);
        }
        var merged = JsonMergePatch.Apply(read(item), patch, json);
        if (merged.Failure is { } invalid)
        {
            return invalid;
        }
        if (apply(merged.Value!, item) is { } failure)
        {
            return failure;
        }
        scope.Touch();
        await db.SaveChangesAsync();
        return item;
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
