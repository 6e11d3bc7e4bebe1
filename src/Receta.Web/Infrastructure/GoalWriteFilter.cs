using Microsoft.EntityFrameworkCore;
using Receta.Data;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Runs every change under a goal in one transaction that first raises the goal's version: that
/// write takes the goal's row lock (PostgreSQL) or the database's write lock (SQLite) at once, so
/// concurrent changes to one goal queue up instead of failing, and each sees the one before.
/// A refused change (an answer of 400 or more) is rolled back whole.
/// </summary>
public sealed class GoalWriteFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || http.Features.Get<GoalScope>() is not { } scope)
        {
            return await next(context);
        }

        var db = http.RequestServices.GetRequiredService<RecetaDbContext>();
        var written = await GoalWrite.RunAsync(scope, db, async () =>
        {
            var result = await next(context);
            return (result, result is not IStatusCodeHttpResult { StatusCode: >= 400 });
        }, http.RequestAborted);
        return written.Locked ? written.Result : Failure.NotFound("goal").ToResult();
    }
}

/// <summary>The transaction of <see cref="GoalWriteFilter"/>, for changes made outside an API endpoint (a page's form).</summary>
public static class GoalWrite
{
    /// <summary>
    /// Raises the goal's version (taking its lock), runs <paramref name="change"/>, and commits only
    /// when it reports success. <c>Locked</c> is false when the goal no longer exists: nothing ran.
    /// </summary>
    public static async Task<(bool Locked, T? Result)> RunAsync<T>(
        GoalScope scope, RecetaDbContext db, Func<Task<(T Result, bool Succeeded)>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var goal = scope.Goal;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Goals.Where(g => g.OwnerId == goal.OwnerId && g.Id == goal.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Version, g => g.Version + 1), cancellationToken);
        if (locked == 0)
        {
            return (false, default);
        }
        await db.Entry(goal).ReloadAsync(cancellationToken);

        var (result, succeeded) = await change();
        if (succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return (true, result);
    }
}
