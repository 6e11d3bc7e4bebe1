using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Importing;

public static class ListImports
{
    /// <summary>The list shows this many of the newest imports.</summary>
    public const int Shown = 100;

    internal static async Task<IReadOnlyList<ImportResponse>> HandleAsync(
        CurrentUser user, RecetaDbContext db, ImportQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queue);
        var jobs = await db.Imports.Where(i => i.OwnerId == user.Id)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        foreach (var job in jobs)
        {
            await GetImport.EndIfAbandonedAsync(job, db, queue, clock, cancellationToken);
        }
        return [.. jobs.Select(job => ImportResponses.From(job, queue.ProgressOf(job.Id)))];
    }

    public static void Map(RouteGroupBuilder imports) =>
        imports.MapGet("/", async (CurrentUser user, RecetaDbContext db, ImportQueue queue, TimeProvider clock, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ItemList<ImportResponse>(await HandleAsync(user, db, queue, clock, cancellationToken))))
            .Produces<ItemList<ImportResponse>>()
            .WithDescription($"Your imports, newest first (the latest {Shown}).");
}
