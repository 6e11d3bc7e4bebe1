using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Receta.Core.Circle;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Data.Importing;
using Receta.Importing;
using Receta.Web.Features.Webhooks;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Importing;

/// <summary>
/// Runs one import: reads the file, writes what it holds in one transaction together with the
/// import's success, and commits, or rolls back for a dry run or at the first error. Whatever
/// stops it halfway (an error, the time limit, the node going down) leaves nothing but the
/// import's record, which then says why.
/// </summary>
/// <remarks>
/// It runs in the language of the request that started the import, numbers included: the readers'
/// errors and warnings, the writer's and its own (<c>Resources/Features/Importing/ImportRunner.resx</c>)
/// are written, and stored, in it. Whoever reads the import later reads them as they were written.
/// </remarks>
internal sealed partial class ImportRunner(
    IServiceScopeFactory scopes, ImportUploads uploads, ImportQueue queue, TimeProvider clock, IStringLocalizer<ImportRunner> texts,
    ILogger<ImportRunner> logger)
{
    /// <summary>The longest an import may run; reading and writing a 200 MiB file takes far less.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(10);

    public async Task RunAsync(QueuedImport import, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(import);
        var (ownerId, importId, language) = import;
        // Async-local: the culture is the import's until this method returns, and its caller's again after.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        limit.CancelAfter(TimeLimit);
        var keepFile = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
            var job = await db.Imports.SingleOrDefaultAsync(i => i.OwnerId == ownerId && i.Id == importId, limit.Token);
            if (job is not { Status: ImportStatus.Queued })
            {
                return;
            }
            job.Status = ImportStatus.Running;
            job.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(limit.Token);
            var failure = await ImportAsync(db, job, limit.Token);
            if (failure is not null)
            {
                await FailAsync(ownerId, importId, failure, CancellationToken.None);
            }
            keepFile = failure is null && job.DryRun;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            var why = stopping.IsCancellationRequested ? texts["ServerStopped"] : texts["TookTooLong", TimeLimit.TotalMinutes];
            await FailAsync(ownerId, importId, new ImportFailure([new(texts["AtFile"], why)], [], 0), CancellationToken.None);
        }
        // The boundary of a background job: whatever went wrong, the import ends with a record that says so.
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, importId);
            var why = exception is DbUpdateConcurrencyException ? texts["GoalChanged"] : texts["ServerFailed"];
            await FailAsync(ownerId, importId, new ImportFailure([new(texts["AtFile"], why)], [], 0), CancellationToken.None);
        }
        finally
        {
            queue.Forget(importId);
            if (!keepFile)
            {
                uploads.Delete(importId);
            }
        }
    }

    private sealed record ImportFailure(IReadOnlyList<ImportError> Errors, IReadOnlyList<string> Warnings, long Ignored);

    /// <summary>The import, committed (or for a dry run rolled back) with its record; or why it failed, with nothing changed.</summary>
    private async Task<ImportFailure?> ImportAsync(RecetaDbContext db, ImportJob job, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == job.OwnerId, cancellationToken);
        var zone = UserTimeZones.FindOrUtc(user.TimeZone);
        var now = clock.GetUtcNow();
        var today = UserTimeZones.Today(clock, zone);
        Goal? target = null;
        if (job.GoalId is { } goalId)
        {
            var access = await GoalScope.LoadAsync(new CurrentUser(user.Id, true, zone, today), goalId.ToString(), GoalAction.Edit, db, cancellationToken);
            if (access.Failure is not null)
            {
                return new ImportFailure([new("goalId", texts["GoalGone"])], [], 0);
            }
            target = access.Value!.Goal;
        }

        var path = uploads.PathOf(job.Id);
        long total = 0;
        ImportWriter? writer = null;
        queue.Watch(job.Id, () => new ImportProgress(writer?.Done ?? 0, total));
        var context = new ImportContext(zone, now, cancellationToken);
        ImportBundle? bundle = null;
        var problems = new ImportProblems();
        if (job.Format != ImportFormats.EntriesCsv)
        {
            bundle = ImportFormats.Read(job.Format, path, context);
            problems = bundle.Problems;
            if (bundle.NeedsGoal && target is null)
            {
                problems.Error("goalId", texts["NeedsGoal"]);
            }
            total = ImportWriter.CountItems(bundle);
        }
        else
        {
            total = EntriesCsvReader.CountRows(path);
        }
        if (problems.HasErrors)
        {
            return Failed(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // History from another app is not news: an import emits no webhook events (it may hold a million entries).
        using var silence = WebhookEvents.Silence(db);
        writer = new ImportWriter(db, job, target, today, now, problems, texts);
        if (bundle is not null)
        {
            await writer.WriteAsync(bundle, cancellationToken);
        }
        else
        {
            var valueRequired = target!.Measure?.Aggregation != Aggregation.Count;
            await writer.WriteEntriesAsync(target, EntriesCsvReader.Read(path, valueRequired, problems, cancellationToken), cancellationToken);
        }
        if (problems.HasErrors)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return Failed(problems);
        }
        job.Status = ImportStatus.Succeeded;
        job.Done = total;
        job.Total = total;
        job.Ignored = problems.Ignored;
        job.Warnings = [.. problems.Warnings];
        job.UpdatedAt = clock.GetUtcNow();
        job.FinishedAt = job.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
        if (!job.DryRun)
        {
            await transaction.CommitAsync(CancellationToken.None);
            return null;
        }
        // A dry run answers what would have been created; only its record stays.
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        db.Imports.Update(job);
        await db.SaveChangesAsync(CancellationToken.None);
        return null;
    }

    private static ImportFailure Failed(ImportProblems problems) => new(problems.Errors, problems.Warnings, problems.Ignored);

    private Task FailAsync(Guid ownerId, Guid importId, ImportFailure failure, CancellationToken cancellationToken) =>
        SaveAsync(ownerId, importId, job =>
        {
            job.Status = ImportStatus.Failed;
            job.Created = new ImportCounts();
            job.Duplicates = 0;
            job.Ignored = failure.Ignored;
            job.Warnings = [.. failure.Warnings];
            job.Errors = [.. failure.Errors.Select(e => new ImportJobError { Where = e.Where, Message = e.Message })];
            job.UpdatedAt = clock.GetUtcNow();
            job.FinishedAt = job.UpdatedAt;
        }, cancellationToken);

    /// <summary>Changes the import's record through a context of its own, untouched by what a failed import left in its change tracker.</summary>
    private async Task SaveAsync(Guid ownerId, Guid importId, Action<ImportJob> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        if (await db.Imports.SingleOrDefaultAsync(i => i.OwnerId == ownerId && i.Id == importId, cancellationToken) is { } job)
        {
            change(job);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);
}
