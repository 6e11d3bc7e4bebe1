using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;

namespace Receta.Web.Features.Importing;

/// <summary>
/// The imports this node has taken and not yet finished, run one at a time by
/// <see cref="ImportWorker"/>, and how far the running one has got (its progress lives in memory:
/// SQLite lets no other connection write while the import's transaction holds the database).
/// </summary>
internal sealed class ImportQueue
{
    private readonly Channel<QueuedImport> waiting = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, Func<ImportProgress>> running = new();

    public void Enqueue(QueuedImport import) => waiting.Writer.TryWrite(import);

    public IAsyncEnumerable<QueuedImport> ReadAllAsync(CancellationToken cancellationToken) =>
        waiting.Reader.ReadAllAsync(cancellationToken);

    public void Watch(Guid importId, Func<ImportProgress> progress) => running[importId] = progress;

    public void Forget(Guid importId) => running.TryRemove(importId, out _);

    /// <summary>The progress of an import running on this node; null when it runs elsewhere or not at all.</summary>
    public ImportProgress? ProgressOf(Guid importId) => running.TryGetValue(importId, out var progress) ? progress() : null;
}

/// <summary>An import waiting for its turn, with the language of the request that started it: what it reports is written in it.</summary>
internal sealed record QueuedImport(Guid OwnerId, Guid ImportId, CultureInfo Language);
