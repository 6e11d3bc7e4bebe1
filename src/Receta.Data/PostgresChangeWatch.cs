using System.Data.Common;
using Npgsql;

namespace Receta.Data;

/// <summary>
/// The change stamp on PostgreSQL: <c>pg_current_snapshot()</c>, the set of transactions a new
/// statement would see as committed. It stays the same exactly while no transaction that wrote
/// commits (and none starts writing), on any node; it never returns to an earlier value, since
/// its upper bound only grows. Reading it takes a round trip, so callers share them: each waits
/// for the next probe that starts after it asked, and every caller waiting then is answered by
/// that one probe (as group commit shares a flush). A stamp is thus never older than its request,
/// which keeps the three rules of docs/adr/0013 as strict as a read of the rows, at one round trip
/// for all requests in flight instead of one each.
/// </summary>
internal sealed class PostgresChangeWatch(string connectionString) : IChangeWatch
{
    private readonly Lock _lock = new();

    // Those who asked after the probe in flight began: the next probe answers them all.
    private TaskCompletionSource<long?>? _waiting;
    private bool _probing;
    private bool _disposed;

    // Touched by the one probe in flight only.
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _snapshot;
    private string? _last;
    private long _changes;

    public ValueTask<long?> StampAsync()
    {
        Task<long?> stamp;
        bool start;
        lock (_lock)
        {
            if (_disposed)
            {
                return new ValueTask<long?>((long?)null);
            }
            _waiting ??= new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
            stamp = _waiting.Task;
            start = !_probing;
            _probing = true;
        }
        if (start)
        {
            _ = ProbeWhileAskedAsync();
        }
        return new ValueTask<long?>(stamp);
    }

    private async Task ProbeWhileAskedAsync()
    {
        while (true)
        {
            // Behind the work already queued: requests being read now ask before this probe begins,
            // so one probe answers more of them, and the database sees fewer.
            await Task.Yield();
            TaskCompletionSource<long?> answered;
            lock (_lock)
            {
                if (_waiting is null || _disposed)
                {
                    _probing = false;
                    if (_disposed)
                    {
                        Close();
                    }
                    _waiting?.SetResult(null);
                    _waiting = null;
                    return;
                }
                answered = _waiting;
                _waiting = null;
            }
            answered.SetResult(await ProbeAsync());
        }
    }

    private async Task<long?> ProbeAsync()
    {
        try
        {
            if (_snapshot is null)
            {
                _connection = new NpgsqlConnection(connectionString);
                await _connection.OpenAsync();
                _snapshot = new NpgsqlCommand("SELECT pg_current_snapshot()::text", _connection);
                await _snapshot.PrepareAsync();
            }
            var snapshot = (string?)await _snapshot.ExecuteScalarAsync();
            if (snapshot != _last)
            {
                _last = snapshot;
                _changes++;
            }
            return _changes;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            // Meanwhile every read goes to the database; the next probe opens a new connection, and
            // counts a change, since what was committed while it was away is not known.
            Close();
            _last = null;
            return null;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            // A probe in flight closes the connection when it ends; none is using it now.
            if (!_probing)
            {
                Close();
            }
        }
    }

    private void Close()
    {
        _snapshot?.Dispose();
        _connection?.Dispose();
        _snapshot = null;
        _connection = null;
    }
}
