using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Exporting;

/// <summary>
/// <c>GET /export</c>: everything the account owns as one JSON document (connections.md §2),
/// written goal by goal as it is read, so that the answer starts at once and a large account is
/// never held whole; gzip when the client asks for it (the export holds no secret to leak).
/// </summary>
public static class ExportAccount
{
    /// <summary>The document as it is written: the same JSON as <see cref="ExportDocument"/>, its goals read one at a time.</summary>
    private sealed record StreamedExport(string Format, int Version, DateTimeOffset ExportedAt, Contracts.ExportAccount Account, IAsyncEnumerable<ExportGoal> Goals);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/export", (CurrentUser user, RecetaDbContext db, TimeProvider clock, IOptions<JsonOptions> json) =>
                new ExportResult(user, db, clock, json.Value.SerializerOptions))
            .WithTags("Export")
            .Produces<ExportDocument>(contentType: "application/json")
            .WithDescription("Everything you own, every goal with all that lies under it, as one JSON document that POST /imports (receta-json) reads back.");

    private sealed class ExportResult(CurrentUser user, RecetaDbContext db, TimeProvider clock, JsonSerializerOptions options) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var account = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
                .Select(u => new Contracts.ExportAccount(u.DisplayName, u.TimeZone, u.Language))
                .SingleAsync(http.RequestAborted);
            var now = clock.GetUtcNow();
            var response = http.Response;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"receta-export-{user.Today:yyyy-MM-dd}.json\"";
            response.Headers.Vary = "Accept-Encoding";
            var gzip = http.Request.Headers.AcceptEncoding.Any(value => value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
            var document = new StreamedExport(ExportDocument.FormatName, ExportDocument.CurrentVersion, now, account, GoalsAsync(http.RequestAborted));
            if (gzip)
            {
                response.Headers.ContentEncoding = "gzip";
                await using var compressed = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
                await JsonSerializer.SerializeAsync(compressed, document, options, http.RequestAborted);
            }
            else
            {
                await JsonSerializer.SerializeAsync(response.Body, document, options, http.RequestAborted);
            }
        }

        private async IAsyncEnumerable<ExportGoal> GoalsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == user.Id).OrderBy(g => g.Sequence).ToListAsync(cancellationToken);
            foreach (var goal in goals)
            {
                yield return await ExportGoals.ReadAsync(db, goal, cancellationToken);
            }
        }
    }
}
