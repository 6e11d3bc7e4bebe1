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
        var goal = scope.Goal;
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var locked = await db.Goals.Where(g => g.OwnerId == goal.OwnerId && g.Id == goal.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Version, g => g.Version + 1), http.RequestAborted);
        if (locked == 0)
        {
            return Failure.NotFound("goal").ToResult();
        }
        await db.Entry(goal).ReloadAsync(http.RequestAborted);

        var result = await next(context);
        if (result is not IStatusCodeHttpResult { StatusCode: >= 400 })
        {
            await transaction.CommitAsync(http.RequestAborted);
        }
        return result;
    }
}
