namespace Receta.Web.Features.Importing;

/// <summary>
/// The uploaded files waiting for their import, one per import in a folder of the node's own
/// (<c>Imports:Folder</c>, else the system's temporary folder). An import runs on the node that
/// received its file, so nothing here is shared between nodes; a file outlives its import only
/// when the node dies mid-way, and is swept a day later.
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
        Directory.CreateDirectory(folder);
        var stale = clock.GetUtcNow().UtcDateTime - KeptAtMost;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.upload").Where(f => f.LastWriteTimeUtc < stale))
        {
            file.Delete();
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
