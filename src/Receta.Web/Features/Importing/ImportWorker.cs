using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Importing;
using Receta.Data.Sharding;

namespace Receta.Web.Features.Importing;

/// <summary>Runs the imports this node received, one after another, so that a burst of uploads queues rather than crowding the database.</summary>
internal sealed class ImportWorker(ImportQueue queue, ImportRunner runner, ImportUploads uploads, IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EndInterruptedAsync(stoppingToken);
        await foreach (var import in queue.ReadAllAsync(stoppingToken))
        {
            uploads.Sweep();
            await runner.RunAsync(import, stoppingToken);
        }
    }

    /// <summary>
    /// On SQLite the app is one node, so an import still queued or running when it starts was cut
    /// short by the last stop: it is marked failed at once (its transaction never committed). On
    /// PostgreSQL other nodes may be running theirs; an abandoned one is found by its age (<see cref="GetImport.Abandoned"/>).
    /// </summary>
    private async Task EndInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        if (!db.Database.IsSqlite())
        {
            return;
        }
        var interrupted = await db.Imports.AcrossOwners("at start, the imports a stopped node left unfinished").Where(i => i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var import in interrupted)
        {
            import.Status = ImportStatus.Failed;
            import.Errors = [new ImportJobError { Where = "file", Message = GetImport.InterruptedMessage }];
            import.UpdatedAt = now;
            import.FinishedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
