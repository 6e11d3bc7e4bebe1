using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Receta.Data;

public static partial class DatabaseStartup
{
    /// <summary>The key of the PostgreSQL advisory lock a node's start holds ("receta" in ASCII).</summary>
    private const long StartupLockKey = 0x72_65_63_65_74_61;

    /// <summary>Creates the database if needed and applies the migrations of the configured provider.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// Holds the database for what one node does on its way up (migrations, then the demo seed) while
    /// other nodes starting at once wait their turn; released on dispose, or by PostgreSQL when the
    /// process dies with its connection. On SQLite (one file, one node) it holds nothing.
    /// </summary>
    /// <remarks>
    /// EF Core's own migration lock on PostgreSQL is a table lock that ends with each migration's
    /// transaction, and nodes started together against an empty database were seen to apply one
    /// migration twice (42701, column already exists) and to seed the demo twice. This is a session
    /// advisory lock on a connection of its own, held across both steps. A database that does not
    /// exist yet cannot hold a lock: the first start then goes ahead without it and creates it.
    /// </remarks>
    public static async Task<IAsyncDisposable> LockDatabaseForStartupAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return NoLock.Instance;
        }
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        // Unpooled: the lock belongs to this session, which closing must end.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            LogNoDatabaseYet(logger);
            return NoLock.Instance;
        }
        try
        {
            if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)"))
            {
                LogWaiting(logger);
                await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(@key)");
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new SessionLock(connection);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        // No timeout: another node's migrations take as long as they take, and its death ends the wait.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", StartupLockKey);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Another node is migrating or seeding the database; waiting for it to finish.")]
    private static partial void LogWaiting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database does not exist yet: creating it without the startup lock (start one node first when several start on a new server).")]
    private static partial void LogNoDatabaseYet(ILogger logger);

    private sealed class SessionLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing the unpooled connection ends the session, and the lock with it.
            await connection.DisposeAsync();
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
