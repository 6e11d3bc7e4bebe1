using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.ObjectPool;

namespace Receta.Data;

/// <summary>
/// Contexts for the hottest reads (a token and its goal, the goal list), kept apart from the
/// request's own context so that they cost one statement and nothing else. On SQLite each context
/// keeps one connection open for its whole life: opening a SQLite connection through EF Core
/// registers a dozen functions on it every time (Microsoft.Data.Sqlite re-creates them on each
/// open), which cost more than the query. On PostgreSQL a context is EF Core's own, over Npgsql's
/// pool. They track nothing and must only read: a change goes through the request's context.
/// </summary>
public sealed class ReadContexts : IDisposable
{
    /// <summary>Contexts kept between requests; more are made under a burst and dropped after it.</summary>
    private const int Retained = 64;

    private readonly Policy _policy;
    private readonly IChangeWatch _changes;
    private ObjectPool<ReadContext> _pool;

    internal ReadContexts(DatabaseProvider provider, string connectionString, IEnumerable<IInterceptor> interceptors)
    {
        var options = new DbContextOptionsBuilder<RecetaDbContext>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(interceptors);
        DatabaseServiceCollectionExtensions.UseProvider(options, provider, connectionString);
        _policy = new Policy(provider, connectionString, options.Options);
        _changes = provider == DatabaseProvider.Sqlite
            ? new SqliteChangeWatch(connectionString)
            : new PostgresChangeWatch(connectionString);
        _pool = NewPool();
    }

    /// <summary>
    /// A stamp of the database's state, taken after the call began: the same stamp twice means
    /// nothing was committed in between, by this node or any other, so what was read under the first
    /// is still true (docs/adr/0013). Null whenever it cannot be known: then read again. On SQLite
    /// a prepared statement of a few microseconds; on PostgreSQL a round trip shared by every
    /// request asking at the time.
    /// </summary>
    public ValueTask<long?> ChangeStampAsync() => _changes.StampAsync();

    /// <summary>Runs <paramref name="read"/> on a context of the pool, given back when it ends.</summary>
    public async Task<T> ReadAsync<T>(Func<RecetaDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        // Given back to the pool it came from: after Clear, that one is disposed, and so is the context.
        var pool = Volatile.Read(ref _pool);
        var context = pool.Get();
        try
        {
            return await read(context.Db);
        }
        finally
        {
            pool.Return(context);
        }
    }

    /// <summary>
    /// Closes every kept connection (those in use close when their read ends), as an operator's tool
    /// that needs the SQLite file to itself (an exclusive lock) would need.
    /// </summary>
    public void Clear()
    {
        (Interlocked.Exchange(ref _pool, NewPool()) as IDisposable)?.Dispose();
        // SQLite's watch holds the file too; it opens again on the next stamp.
        (_changes as SqliteChangeWatch)?.Dispose();
    }

    public void Dispose()
    {
        (Volatile.Read(ref _pool) as IDisposable)?.Dispose();
        _changes.Dispose();
    }

    private ObjectPool<ReadContext> NewPool() =>
        new DefaultObjectPoolProvider { MaximumRetained = Retained }.Create(_policy);

    private sealed class ReadContext(RecetaDbContext db, SqliteConnection? connection) : IDisposable
    {
        public RecetaDbContext Db { get; } = db;

        public void Dispose()
        {
            Db.Dispose();
            connection?.Dispose();
        }
    }

    private sealed class Policy(DatabaseProvider provider, string connectionString, DbContextOptions<RecetaDbContext> options)
        : PooledObjectPolicy<ReadContext>
    {
        public override ReadContext Create()
        {
            var db = new RecetaDbContext(options);
            if (provider != DatabaseProvider.Sqlite)
            {
                return new ReadContext(db, null);
            }
            // The context does not own it, so EF Core never closes it between queries.
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            return new ReadContext(db, connection);
        }

        public override bool Return(ReadContext context)
        {
            // A read that failed half-way may leave a transaction or tracked rows; such a context is dropped.
            if (context.Db.Database.CurrentTransaction is not null || context.Db.ChangeTracker.HasChanges())
            {
                context.Dispose();
                return false;
            }
            context.Db.ChangeTracker.Clear();
            return true;
        }
    }
}
