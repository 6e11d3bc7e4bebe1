namespace Receta.Web.Features.Importing;

/// <summary>
/// The uploaded files waiting for their import, one per import in a folder of the node's own
/// (<c>Imports:Folder</c>, else the system's temporary folder). An import runs on the node that
/// received its file, so nothing here is shared between nodes. A file outlives its import when it
/// was a dry run (its confirmation imports the same file) or when the node died mid-way; it is
/// swept a day later.
/// </summary>
internal sealed class ImportUploads
{
    /// <summary>The largest file an import takes: 200 MiB (connections.md §1).</summary>
    public const long MaxFileBytes = 200L * 1024 * 1024;

    private static readonly TimeSpan KeptAtMost = TimeSpan.FromDays(1);

    private readonly string folder;

    public ImportUploads(IConfiguration configuration, TimeProvider clock)
    {
        folder = configuration["Imports:Folder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "receta-imports");
        this.clock = clock;
        Directory.CreateDirectory(folder);
        Sweep();
    }

    private readonly TimeProvider clock;

    /// <summary>Removes the files of imports that ended more than a day ago (a dry run keeps its file for the real import).</summary>
    public void Sweep()
    {
        var stale = clock.GetUtcNow().UtcDateTime - KeptAtMost;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.upload").Where(f => f.LastWriteTimeUtc < stale))
        {
            file.Delete();
        }
    }

    /// <summary>Hands a dry run's file to the import that carries it out; false when it is not on this node (any more).</summary>
    public bool TryMove(Guid fromImportId, Guid toImportId)
    {
        try
        {
            File.Move(PathOf(fromImportId), PathOf(toImportId));
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    public string PathOf(Guid importId) => Path.Combine(folder, $"{importId:N}.upload");

    /// <summary>
    /// Copies an upload into the import's file, up to <see cref="MaxFileBytes"/>. False, with
    /// nothing kept, when it is larger.
    /// </summary>
    public async Task<(bool Fits, long Bytes)> SaveAsync(Guid importId, Stream upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = PathOf(importId);
        var buffer = new byte[81_920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxFileBytes)
                {
                    break;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        if (total > MaxFileBytes)
        {
            Delete(importId);
            return (false, total);
        }
        return (true, total);
    }

    public void Delete(Guid importId) => File.Delete(PathOf(importId));
}
