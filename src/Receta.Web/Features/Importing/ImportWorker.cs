namespace Receta.Web.Features.Importing;

/// <summary>Runs the imports this node received, one after another, so that a burst of uploads queues rather than crowding the database.</summary>
internal sealed class ImportWorker(ImportQueue queue, ImportRunner runner, ImportUploads uploads) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (ownerId, importId) in queue.ReadAllAsync(stoppingToken))
        {
            uploads.Sweep();
            await runner.RunAsync(ownerId, importId, stoppingToken);
        }
    }
}
