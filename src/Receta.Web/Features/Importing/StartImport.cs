using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
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
        ArgumentNullException.ThrowIfNull(uploads);
        var importId = Guid.CreateVersion7(clock.GetUtcNow());
        var received = await ReceiveAsync(http.Request, importId, uploads, http.RequestAborted);
        if (received.Failure is { } failure)
        {
            return failure;
        }
        var (request, bytes) = received.Value;
        return await StartAsync(request, bytes, importId, user, db, uploads, queue, clock, http.RequestAborted);
    }

    /// <summary>
    /// Starts the import of a file already saved as <paramref name="importId"/>'s upload: checks the
    /// form, records the import as queued and hands it to this node's worker. The upload is removed
    /// when the form is refused. The web page, which receives its file through the form, starts here.
    /// The import's errors and warnings are written in the request's language (its current UI culture).
    /// </summary>
    internal static async Task<Outcome<ImportResponse>> StartAsync(
        ImportRequest request, long bytes, Guid importId, CurrentUser user, RecetaDbContext db, ImportUploads uploads, ImportQueue queue,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            var job = await ValidateAsync(request, bytes, importId, user, db, uploads, clock, cancellationToken);
            if (job.Failure is not null)
            {
                uploads.Delete(importId);
                return job.Failure;
            }
            db.Imports.Add(job.Value!);
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(new QueuedImport(user.Id, importId, CultureInfo.CurrentUICulture));
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
        if (!errors.Any && ImportScreening.Errors(format!, uploads.PathOf(importId), new ImportContext(user.TimeZone, clock.GetUtcNow(), cancellationToken)) is [var first, ..])
        {
            errors.Add("file", $"{first.Where}: {first.Message}");
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
        if (request.HasFormContentType && request.HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
        {
            // The form was read already (a browser's cookie request, whose antiforgery token is a form field).
            return await FromFormAsync(form, importId, uploads, cancellationToken);
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

    /// <summary>The same form read by ASP.NET Core: its file copied into the import's upload, its fields as texts.</summary>
    internal static async Task<Outcome<(ImportRequest Request, long Bytes)>> FromFormAsync(
        IFormCollection form, Guid importId, ImportUploads uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(uploads);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Failure.Invalid("file", "Send the file in a part named 'file'.");
        }
        string? Field(string name) => form.TryGetValue(name, out var value) && value.ToString() is { Length: <= MaxFieldLength } text ? text.Trim() : null;
        return await FromFileAsync(file, Field("format"), Field("goalId"), Field("dryRun"), importId, uploads, cancellationToken);
    }

    /// <summary>An uploaded file copied into the import's upload, with the form's other fields.</summary>
    internal static async Task<Outcome<(ImportRequest Request, long Bytes)>> FromFileAsync(
        IFormFile file, string? format, string? goalId, string? dryRun, Guid importId, ImportUploads uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(uploads);
        await using var content = file.OpenReadStream();
        var (fits, bytes) = await uploads.SaveAsync(importId, content, cancellationToken);
        if (!fits)
        {
            return new TooLargeFailure($"Imported files are limited to {ImportUploads.MaxFileBytes / (1024 * 1024)} MiB.");
        }
        var name = Path.GetFileName(file.FileName);
        return (new ImportRequest(format, goalId, dryRun, name is { Length: > 260 } ? name[..260] : name), bytes);
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
            .WithMetadata(new ImportUploadLimitAttribute())
            .Produces<ImportResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithDescription(
                "Imports another app's file (Loop, HabitBull, Beeminder, Taskwarrior, Timewarrior, Habitica), a Receta export or an entries CSV, "
                + "up to 200 MiB, in the background: poll the Location. All or nothing; importing the same file again creates nothing. "
                + "dryRun=true works everything out and changes nothing.");

    /// <summary>The form, for the API's description: <c>file</c>, and optionally <c>format</c>, <c>goalId</c>, <c>dryRun</c>.</summary>
    internal sealed record ImportUpload(IFormFile File, string? Format, Guid? GoalId, bool? DryRun);
}

/// <summary>
/// The larger body limit of the endpoints and pages that take an import's file: routing applies it to
/// Kestrel, <see cref="RequestSizeLimitMiddleware"/> to a declared length.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ImportUploadLimitAttribute : Attribute, IRequestSizeLimitMetadata
{
    /// <summary>Room for the form's boundaries and its short fields around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public long? MaxRequestBodySize => ImportUploads.MaxFileBytes + FormOverheadBytes;
}
