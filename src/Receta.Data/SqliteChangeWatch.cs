using Microsoft.Data.Sqlite;

namespace Receta.Data;

/// <summary>
/// Tells whether anything was committed to a SQLite database since last asked, by any connection of
/// any process: <c>PRAGMA data_version</c> on a connection of its own, which changes exactly when
/// another connection commits (SQLite's own guarantee, so it holds for every node on the file). One
/// prepared statement kept open, under a lock: a few microseconds, far below the statement it saves.
/// </summary>
internal sealed class SqliteChangeWatch(string connectionString) : IChangeWatch
{
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _dataVersion;

    // data_version counts per connection: a new connection starts again, so each one is told apart.
    private long _generation;

    // Reads of data_version begun so far (each begins and ends under the lock), and the last one's
    // answer. Under load, callers queue on the lock; one whose turn comes after a read that began
    // after it asked takes that read's answer instead of reading again, so the reads stay few when
    // the callers are many.
    private long _begun;
    private long? _lastStamp;

    public ValueTask<long?> StampAsync() => new(Stamp());

    /// <summary>The stamp of the database's state now; null when it cannot be read (the file is locked, or gone).</summary>
    private long? Stamp()
    {
        var asked = Volatile.Read(ref _begun);
        lock (_lock)
        {
            if (_begun > asked)
            {
                return _lastStamp;
            }
            // A full fence: the read below cannot be seen to begin before it is counted.
            Interlocked.Increment(ref _begun);
            _lastStamp = Read();
            return _lastStamp;
        }
    }

    private long? Read()
    {
        try
        {
            if (_dataVersion is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
                _dataVersion = _connection.CreateCommand();
                _dataVersion.CommandText = "PRAGMA data_version";
                _dataVersion.Prepare();
                _generation++;
            }
            return (_generation << 32) | (long)_dataVersion.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // Asked again next time, on a new connection; meanwhile every read goes to the database.
            Close();
            return null;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Close();
        }
    }

    private void Close()
    {
        _dataVersion?.Dispose();
        _connection?.Dispose();
        _dataVersion = null;
        _connection = null;
    }
}
