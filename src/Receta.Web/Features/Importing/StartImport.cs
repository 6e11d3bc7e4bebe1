using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Receta.Core.Circle;
using Receta.Data;
using Receta.Data.Importing;
using Receta.Importing;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Importing;

/// <summary>
/// <c>POST /imports</c>: streams the uploaded file to the node's disk (never whole into memory),
/// checks what can be checked at once (the format, the goal, the size), records the import as
/// queued and answers 202; the reading and writing happen in the background.
/// </summary>
public static class StartImport
{
    private const int MaxFieldLength = 100;

    /// <summary>What the form says besides the file.</summary>
    internal sealed record ImportRequest(string? Format, string? GoalId, string? DryRun, string? FileName);

    internal static async Task<Outcome<ImportResponse>> HandleAsync(
        HttpContext http, CurrentUser user, RecetaDbContext db, ImportUploads uploads, ImportQueue queue, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(queue);
        var cancellationToken = http.RequestAborted;
        var importId = Guid.CreateVersion7(clock.GetUtcNow());
        var received = await ReceiveAsync(http.Request, importId, uploads, cancellationToken);
        if (received.Failure is { } failure)
        {
            return failure;
        }
        try
        {
            var (request, bytes) = received.Value;
            var job = await ValidateAsync(request, bytes, importId, user, db, uploads, clock, cancellationToken);
            if (job.Failure is not null)
            {
                uploads.Delete(importId);
                return job.Failure;
            }
            db.Imports.Add(job.Value!);
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(user.Id, importId);
            return ImportResponses.From(job.Value!, null);
        }
        catch
        {
            uploads.Delete(importId);
            throw;
        }
    }

    private static async Task<Outcome<ImportJob>> ValidateAsync(
        ImportRequest request, long bytes, Guid importId, CurrentUser user, RecetaDbContext db, ImportUploads uploads, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var dryRun = false;
        if (!string.IsNullOrWhiteSpace(request.DryRun) && !bool.TryParse(request.DryRun, out dryRun))
        {
            errors.Add("dryRun", "'dryRun' must be true or false.");
        }
        Guid? goalId = null;
        var goalNamed = !string.IsNullOrWhiteSpace(request.GoalId);
        if (goalNamed)
        {
            if (Guid.TryParse(request.GoalId, out var id))
            {
                goalId = id;
            }
            else
            {
                errors.Add("goalId", "'goalId' must be a goal's id.");
            }
        }
        string? format;
        if (string.IsNullOrWhiteSpace(request.Format))
        {
            format = bytes == 0 ? null : ImportDetection.Detect(uploads.PathOf(importId));
            if (format is null && bytes > 0)
            {
                errors.Add("format", $"The file's format could not be told from its content; name it: {string.Join(", ", ImportFormats.All)}.");
            }
        }
        else
        {
            format = ImportFormats.Find(request.Format);
            if (format is null)
            {
                errors.Add("format", $"'format' must be one of {string.Join(", ", ImportFormats.All)}.");
            }
        }
        if (bytes == 0)
        {
            errors.Add("file", "The file is empty.");
        }
        if (format == ImportFormats.EntriesCsv && !goalNamed)
        {
            errors.Add("goalId", "An entries CSV goes into one goal: name it (goalId).");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (goalId is { } target)
        {
            var access = await GoalScope.LoadAsync(user, target.ToString(), GoalAction.Edit, db, cancellationToken);
            if (access.Failure is { } refused)
            {
                return refused;
            }
        }
        var now = clock.GetUtcNow();
        return new ImportJob
        {
            OwnerId = user.Id,
            Id = importId,
            Format = format!,
            Status = ImportStatus.Queued,
            DryRun = dryRun,
            GoalId = goalId,
            FileName = request.FileName,
            FileBytes = bytes,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Reads the multipart form: the file part into the import's file, the other parts as short texts.</summary>
    private static async Task<Outcome<(ImportRequest Request, long Bytes)>> ReceiveAsync(
        HttpRequest request, Guid importId, ImportUploads uploads, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Failure.Invalid("file", "Send the file as multipart/form-data, in a part named 'file'.");
        }
        var reader = new MultipartReader(boundary, request.Body);
        string? format = null, goalId = null, dryRun = null, fileName = null;
        long? bytes = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "file" && bytes is null)
                {
                    var (fits, length) = await uploads.SaveAsync(importId, section.Body, cancellationToken);
                    if (!fits)
                    {
                        return new TooLargeFailure($"Imported files are limited to {ImportUploads.MaxFileBytes / (1024 * 1024)} MiB.");
                    }
                    bytes = length;
                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    fileName = fileName is { Length: > 260 } ? fileName[..260] : fileName;
                }
                else if (name is "format" or "goalId" or "dryRun")
                {
                    var value = await ReadShortAsync(section.Body, cancellationToken);
                    if (value is null)
                    {
                        return Failure.Invalid(name, $"'{name}' is too long.");
                    }
                    _ = name switch
                    {
                        "format" => format = value,
                        "goalId" => goalId = value,
                        _ => dryRun = value,
                    };
                }
            }
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            uploads.Delete(importId);
            return Failure.Invalid("file", "The multipart form could not be read.");
        }
        catch (InvalidDataException)
        {
            uploads.Delete(importId);
            return Failure.Invalid("file", "The multipart form could not be read.");
        }
        if (bytes is null)
        {
            return Failure.Invalid("file", "Send the file in a part named 'file'.");
        }
        return (new ImportRequest(format, goalId, dryRun, fileName), bytes.Value);
    }

    private static async Task<string?> ReadShortAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldLength * 4 + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return length == buffer.Length ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    public static void Map(RouteGroupBuilder imports) =>
        imports.MapPost("/", async (HttpContext http, CurrentUser user, RecetaDbContext db, ImportUploads uploads, ImportQueue queue, TimeProvider clock) =>
                (await HandleAsync(http, user, db, uploads, queue, clock)).ToResult(import =>
                    TypedResults.Accepted($"/api/v1/imports/{import.Id}", import)))
            .Accepts<ImportUpload>("multipart/form-data")
            .WithMetadata(new UploadSizeLimit(ImportUploads.MaxFileBytes + UploadSizeLimit.FormOverheadBytes))
            .Produces<ImportResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithDescription(
                "Imports another app's file (Loop, HabitBull, Beeminder, Taskwarrior, Timewarrior, Habitica), a Receta export or an entries CSV, "
                + "up to 200 MiB, in the background: poll the Location. All or nothing; importing the same file again creates nothing. "
                + "dryRun=true works everything out and changes nothing.");

    /// <summary>The form, for the API's description: <c>file</c>, and optionally <c>format</c>, <c>goalId</c>, <c>dryRun</c>.</summary>
    internal sealed record ImportUpload(IFormFile File, string? Format, Guid? GoalId, bool? DryRun);
}

/// <summary>A larger body limit for one endpoint: routing applies it to Kestrel, <see cref="RequestSizeLimitMiddleware"/> to a declared length.</summary>
public sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
{
    /// <summary>Room for the form's boundaries and its short fields around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public long? MaxRequestBodySize { get; } = bytes;
}
