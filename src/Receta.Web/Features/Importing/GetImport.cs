using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Importing;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Importing;

public static class GetImport
{
    /// <summary>
    /// A queued or running import whose record has not changed for this long lost its node (an
    /// import is stopped after <see cref="ImportRunner.TimeLimit"/>): it is reported failed.
    /// </summary>
    internal static readonly TimeSpan Abandoned = ImportRunner.TimeLimit + TimeSpan.FromMinutes(5);

    internal const string InterruptedMessage = "The import was interrupted (its server stopped). Nothing was imported; upload the file again.";

    internal static async Task<Outcome<ImportResponse>> HandleAsync(
        CurrentUser user, Guid importId, RecetaDbContext db, ImportQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queue);
        var job = await db.Imports.SingleOrDefaultAsync(i => i.OwnerId == user.Id && i.Id == importId, cancellationToken);
        if (job is null)
        {
            return Failure.NotFound("import");
        }
        await EndIfAbandonedAsync(job, db, queue, clock, cancellationToken);
        return ImportResponses.From(job, queue.ProgressOf(job.Id));
    }

    internal static async Task EndIfAbandonedAsync(ImportJob job, RecetaDbContext db, ImportQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (job.Status is ImportStatus.Queued or ImportStatus.Running && now - job.UpdatedAt > Abandoned && queue.ProgressOf(job.Id) is null)
        {
            job.Status = ImportStatus.Failed;
            job.Errors = [new ImportJobError { Where = "file", Message = InterruptedMessage }];
            job.UpdatedAt = now;
            job.FinishedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder imports) =>
        imports.MapGet("/{importId:guid}", async (CurrentUser user, Guid importId, RecetaDbContext db, ImportQueue queue, TimeProvider clock, CancellationToken cancellationToken) =>
                (await HandleAsync(user, importId, db, queue, clock, cancellationToken)).ToResult(TypedResults.Ok))
            .Produces<ImportResponse>()
            .WithDescription("One of your imports: its status, progress, what it created (a dry run: would create), what it skipped, its warnings and errors.");
}
