using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Importing;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Importing;

/// <summary>
/// <c>POST /imports/{id}/confirm</c>: imports for real the file a dry run looked at, into the same
/// goal, without sending it again. The dry run's file waits on the node that ran it for a day.
/// </summary>
public static class ConfirmImport
{
    internal static async Task<Outcome<ImportResponse>> HandleAsync(
        CurrentUser user, Guid importId, RecetaDbContext db, ImportUploads uploads, ImportQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(uploads);
        var dryRun = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.OwnerId == user.Id && i.Id == importId, cancellationToken);
        if (dryRun is null)
        {
            return Failure.NotFound("import");
        }
        if (dryRun is not { DryRun: true, Status: ImportStatus.Succeeded })
        {
            return Failure.Conflict("Only a dry run that succeeded can be confirmed.");
        }
        var next = Guid.CreateVersion7(clock.GetUtcNow());
        if (!uploads.TryMove(dryRun.Id, next))
        {
            return Failure.Conflict("The dry run's file is no longer here (it is kept for a day, or was confirmed already): upload it again.");
        }
        var request = new StartImport.ImportRequest(dryRun.Format, dryRun.GoalId?.ToString(), "false", dryRun.FileName);
        return await StartImport.StartAsync(request, dryRun.FileBytes, next, user, db, uploads, queue, clock, cancellationToken);
    }

    public static void Map(RouteGroupBuilder imports) =>
        imports.MapPost("/{importId:guid}/confirm", async (CurrentUser user, Guid importId, RecetaDbContext db, ImportUploads uploads, ImportQueue queue,
                TimeProvider clock, CancellationToken cancellationToken) =>
                (await HandleAsync(user, importId, db, uploads, queue, clock, cancellationToken)).ToResult(import =>
                    TypedResults.Accepted($"/api/v1/imports/{import.Id}", import)))
            .Produces<ImportResponse>(StatusCodes.Status202Accepted)
            .WithDescription("Imports for real the file a successful dry run looked at (kept for a day): 202 and the new import to poll. 409 when it is not such a dry run or its file is gone.");
}
