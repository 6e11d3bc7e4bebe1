using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Goals;

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

        var writer = http.RequestServices.GetRequiredService<GoalWriter>();
        var written = await writer.RunAsync(scope, async () =>
        {
            var result = await next(context);
            return (result, result is not IStatusCodeHttpResult { StatusCode: >= 400 });
        }, http.RequestAborted);
        return written.Locked ? written.Result : Failure.NotFound("goal").ToResult();
    }
}

/// <summary>
/// Something that must happen in every goal's write transaction, whoever writes (an API endpoint, a
/// page's form, an email's button): before the change it may look at the goal as the last change left
/// it (the goal locked), and it answers what to do once the change succeeded, still before the commit,
/// so that what it writes stands or falls with the change. Null when it has nothing to do.
/// </summary>
public interface IGoalWriteObserver
{
    Task<Func<CancellationToken, Task>?> BeforeChangeAsync(Goal goal, RecetaDbContext db, CancellationToken cancellationToken);
}

/// <summary>The transaction of <see cref="GoalWriteFilter"/>, also for changes made outside an API endpoint (a page's form, an email's button).</summary>
public sealed class GoalWriter(RecetaDbContext db, IEnumerable<IGoalWriteObserver> observers)
{
    /// <summary>
    /// Raises the goal's version (taking its lock), runs <paramref name="change"/>, and commits only
    /// when it reports success. <c>Locked</c> is false when the goal no longer exists: nothing ran.
    /// </summary>
    public async Task<(bool Locked, T? Result)> RunAsync<T>(
        GoalScope scope, Func<Task<(T Result, bool Succeeded)>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
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
        List<Func<CancellationToken, Task>> afterwards = [];
        foreach (var observer in observers)
        {
            if (await observer.BeforeChangeAsync(goal, db, cancellationToken) is { } then)
            {
                afterwards.Add(then);
            }
        }

        var (result, succeeded) = await change();
        if (succeeded)
        {
            foreach (var then in afterwards)
            {
                await then(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return (true, result);
    }
}
