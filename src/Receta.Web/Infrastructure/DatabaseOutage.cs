using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Tells a database that does not answer (down, unreachable, shutting down, locked by another
/// process) from a query that is wrong. Only the former is worth a client's retry (503); the latter
/// is a bug (500). The providers' exceptions reach the app wrapped (EF's <c>DbUpdateException</c>,
/// the execution strategy's <c>InvalidOperationException</c>), so the whole chain of inner
/// exceptions is read, down to the first provider exception: that one decides.
/// </summary>
public static class DatabaseOutage
{
    public static bool IsOutage(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // EF's retrying execution strategy throws this only after every retry of a failure it
                // judged transient has failed: the database stayed away.
                case RetryLimitExceededException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsOutage);
                // Before NpgsqlException, which it derives from: the server answered, and its code
                // says whether it is there to serve. Its IsTransient would also count serialization
                // failures and deadlocks, which are races between requests, not an outage.
                case PostgresException postgres:
                    return IsOutage(postgres.SqlState);
                // Npgsql's own failures: IsTransient is true exactly when reaching the server failed
                // (a refused or broken socket, an I/O error, a timeout, an exhausted pool); false for
                // a mistake of ours such as a bad connection string.
                case NpgsqlException npgsql:
                    return npgsql.IsTransient;
                case SqliteException sqlite:
                    return IsOutage(sqlite);
            }
        }
        return false;
    }

    private static bool IsOutage(string sqlState) =>
        // Class 08, connection exception: the connection could not be made or was lost.
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is
            // admin_shutdown: the server is being stopped (pg_ctl stop) and ended our session.
            PostgresErrorCodes.AdminShutdown
            // crash_shutdown: another server process crashed; the server is resetting every session.
            or PostgresErrorCodes.CrashShutdown
            // cannot_connect_now: "the database system is starting up / shutting down / in recovery".
            or PostgresErrorCodes.CannotConnectNow
            // invalid_catalog_name: "database does not exist", met when connecting: dropped, or
            // not restored yet. The app never names a database in a query, so it is never a bug of a query.
            or PostgresErrorCodes.InvalidCatalogName;

    private static bool IsOutage(SqliteException sqlite) =>
        // The primary result code is the low byte of an extended one (SQLITE_BUSY_SNAPSHOT is BUSY).
        (sqlite.SqliteErrorCode & 0xFF) is
            // Another connection or process holds the lock past the busy timeout (a long write, a backup).
            SQLitePCL.raw.SQLITE_BUSY
            // A lock conflict within a shared cache, the same wait as BUSY.
            or SQLitePCL.raw.SQLITE_LOCKED
            // The file (or its folder, or its -wal or -shm companion) could not be opened: moved,
            // unmounted, no longer readable.
            or SQLitePCL.raw.SQLITE_CANTOPEN
            // The operating system failed a read, write or lock of the file: a failing or full disk, a lost network share.
            or SQLitePCL.raw.SQLITE_IOERR;
}
