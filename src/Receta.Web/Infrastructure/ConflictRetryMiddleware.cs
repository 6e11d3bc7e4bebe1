using Microsoft.EntityFrameworkCore;
using Receta.Data;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Runs a change again when it lost a race that no lock prevented: two goals created at once by
/// one account (the account's goal sequence), or an optimistic version check. Changes under one
/// goal queue on its lock instead (<see cref="GoalWriteFilter"/>). Nothing of the losing attempt
/// was saved, so the request is replayed from a clean slate, reading the body again. After the
/// last attempt the error goes to <see cref="ProblemExceptionHandler"/> (409). A database that does
/// not answer (<see cref="DatabaseOutage"/>) is no race: it goes there at once (503), not after a
/// replay that waits out each timeout again.
/// </summary>
public sealed class ConflictRetryMiddleware(RequestDelegate next)
{
    private const int MaxAttempts = 4;

    public async Task InvokeAsync(HttpContext http, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(db);
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        http.Request.EnableBuffering();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(http);
                return;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && !http.Response.HasStarted && !DatabaseOutage.IsOutage(e))
            {
                db.ChangeTracker.Clear();
                http.Features.Set<GoalScope>(null);
                http.Request.Body.Position = 0;
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), http.RequestAborted);
            }
        }
    }
}
