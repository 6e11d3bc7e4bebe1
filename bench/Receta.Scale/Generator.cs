using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Receta.Data;
using Receta.Data.Accounts;

namespace Receta.Scale;

/// <summary>
/// Fills an empty database with a <see cref="Dataset"/>: the schema from the app's own migrations
/// (as a node's start applies them), then every table through its provider's bulk path, then the
/// planner's statistics, as a database that has been live for a while has them.
/// </summary>
public static class Generator
{
    /// <summary>Table by table with its time, and the total; the database must have no accounts yet.</summary>
    public static async Task<TimeSpan> GenerateAsync(DatabaseProvider provider, string connectionString, Dataset dataset, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(log);
        var total = Stopwatch.StartNew();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:Receta"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddRecetaDatabase(configuration).BuildServiceProvider();
        await services.MigrateDatabaseAsync();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database has accounts already: generate into an empty one.");
        }
        var model = db.Model;
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generating {dataset.Users:N0} users, {dataset.Goals:N0} goals, {dataset.Entries:N0} entries (seed {dataset.Seed}) on {provider} (migrated in {total.Elapsed.TotalSeconds:0.0} s)"));

        // Every account shares one password: PBKDF2 at the app's work factor once, not once per account.
        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
        var passwordHash = hasher.HashPassword(new User { DisplayName = "" }, Dataset.Password);

        var resolved = DatabaseServiceCollectionExtensions.ReadConnectionString(configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(resolved);
            await connection.OpenAsync(cancellationToken);
            await FillAsync(new PostgresCopySink(connection, model, log), dataset, passwordHash, cancellationToken);
            var settle = Stopwatch.StartNew();
            // What autovacuum would have done by now: statistics for the planner, and the visibility map for index-only scans.
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  VACUUM ANALYZE in {settle.Elapsed.TotalSeconds:0.0} s"));
        }
        else
        {
            await using var connection = new SqliteConnection(resolved);
            await connection.OpenAsync(cancellationToken);
            // For the load only: no journal and no fsync (a crash means generating again), and no
            // foreign-key checks (every row references one written before it). The app's own
            // settings (WAL, durable commits, foreign keys) come back below and on its next open.
            await ExecuteAsync(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1000000;", cancellationToken);
            await FillAsync(new SqliteInsertSink(connection, model, log), dataset, passwordHash, cancellationToken);
            var settle = Stopwatch.StartNew();
            // The statistics a long-lived database would have (sqlite_stat1), so that the planner picks as it would there.
            await ExecuteAsync(connection, "ANALYZE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", cancellationToken);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ANALYZE in {settle.Elapsed.TotalSeconds:0.0} s"));
        }
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"generated in {total.Elapsed.TotalSeconds:0.0} s"));
        return total.Elapsed;
    }

    /// <summary>The tables, parents first. One line per table: a table the app grows (after a merge) is one more line here.</summary>
    private static async Task FillAsync(ITableSink sink, Dataset dataset, string passwordHash, CancellationToken cancellationToken)
    {
        await sink.WriteAsync(ScaleRows.Users(dataset, passwordHash), dataset.Users, cancellationToken);
        await sink.WriteAsync(ScaleRows.AccessTokens(dataset), dataset.Users, cancellationToken);
        await sink.WriteAsync(ScaleRows.SecretRoutes(dataset), dataset.Users, cancellationToken);
        await sink.WriteAsync(ScaleRows.Goals(dataset), dataset.Goals, cancellationToken);
        await sink.WriteAsync(ScaleRows.GoalRoutes(dataset), dataset.Goals, cancellationToken);
        await sink.WriteAsync(ScaleRows.Milestones(dataset), (long)dataset.Goals * Dataset.MilestonesPerGoal, cancellationToken);
        await sink.WriteAsync(ScaleRows.Entries(dataset), dataset.Entries, cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
