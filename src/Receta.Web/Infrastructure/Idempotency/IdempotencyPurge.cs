using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Sharding;

namespace Receta.Web.Infrastructure.Idempotency;

/// <summary>
/// Deletes, every hour, the idempotency keys older than 24 hours. They are ignored on lookup
/// already; this keeps their remembered answers from piling up. Every node may run it: a delete
/// that finds nothing costs one query.
/// </summary>
public sealed partial class IdempotencyPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyPurge> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the expired keys now; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var expiredAt = clock.GetUtcNow() - IdempotentRequest.Lifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        return await db.IdempotentRequests.AcrossOwners("the hourly purge of every account's expired keys")
            .Where(r => r.CreatedAt <= expiredAt).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (DbException e)
            {
                // The database is away for a moment: the next hour tries again, and lookups ignore old keys meanwhile.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete expired idempotency keys")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
