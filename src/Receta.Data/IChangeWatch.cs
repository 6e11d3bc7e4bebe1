namespace Receta.Data;

/// <summary>
/// Tells whether anything was committed to the database since a stamp was taken, by any node: the
/// same stamp twice means nothing was committed in between (docs/adr/0013). A new stamp compares
/// unequal to every stamp handed out before it by the same watch.
/// </summary>
internal interface IChangeWatch : IDisposable
{
    /// <summary>
    /// The stamp of the database's state now, taken after the call began; null when it cannot be
    /// known. Not cancellable: it takes one short statement, bounded by the command timeout, and a
    /// token registered by each of thousands of requests a second would cost more than it saves.
    /// </summary>
    ValueTask<long?> StampAsync();
}
