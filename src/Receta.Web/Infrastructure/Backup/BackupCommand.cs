using Microsoft.Data.Sqlite;
using Npgsql;
using Receta.Data;

namespace Receta.Web.Infrastructure.Backup;

/// <summary>
/// <c>backup --to FILE</c>, given to the web host instead of serving: copies the SQLite database into a
/// new file with <c>VACUUM INTO</c> and exits. The rest of the arguments are the host's own settings
/// (<c>--ConnectionStrings:Receta …</c>), read with its appsettings and environment as a start would,
/// so the command finds the very database the app uses.
/// </summary>
/// <remarks>
/// <c>VACUUM INTO</c> copies one read transaction's snapshot, page by page, while the app goes on
/// serving from the same file (the database is in WAL mode: readers and the writer do not wait for
/// each other). The copy is written under a temporary name beside the target and renamed once whole,
/// so the target is never half a database, and an existing file is never replaced.
/// <para>
/// On PostgreSQL the command does not shell out to <c>pg_dump</c>: the one that fits the server's
/// version, how it is reached (TLS, certificates, a password file) and where the dump goes are the
/// operator's, and a translation of Npgsql's connection string into libpq's would get some of it
/// wrong. It prints the <c>pg_dump</c> command for the configured database instead.
/// </para>
/// </remarks>
public static class BackupCommand
{
    public const string Name = "backup";

    public const int Done = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static bool IsInvoked(IReadOnlyList<string> args) =>
        args is [Name, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var rest = args.Skip(1).ToList();
        var at = rest.IndexOf("--to");
        if (at < 0 || at + 1 >= rest.Count || string.IsNullOrWhiteSpace(rest[at + 1]))
        {
            await error.WriteLineAsync("Usage: backup --to FILE [--ConnectionStrings:Receta ...]: copies the database into FILE, which must not exist.");
            return Usage;
        }
        var target = Path.GetFullPath(rest[at + 1]);
        rest.RemoveRange(at, 2);

        var configuration = WebApplication.CreateBuilder([.. rest]).Configuration;
        try
        {
            if (DatabaseServiceCollectionExtensions.ReadProvider(configuration) == DatabaseProvider.Postgres)
            {
                await error.WriteLineAsync(PostgresAdvice(DatabaseServiceCollectionExtensions.ReadConnectionString(configuration), target));
                return Usage;
            }
            var source = await BackUpSqliteAsync(DatabaseServiceCollectionExtensions.ReadConnectionString(configuration), target);
            await output.WriteLineAsync($"Backed up {source} to {target} ({new FileInfo(target).Length:N0} bytes).");
            return Done;
        }
        catch (BackupRefusedException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return Failed;
        }
    }

    /// <summary>Copies the database into <paramref name="target"/>; returns the database file's path.</summary>
    internal static async Task<string> BackUpSqliteAsync(string connectionString, string target)
    {
        // Read-only: a backup never creates an empty database where the path was wrong, nor changes the one it copies.
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var database = Path.GetFullPath(source.DataSource);
        if (!File.Exists(database))
        {
            throw new BackupRefusedException($"There is no database at {database} (ConnectionStrings:Receta).");
        }
        if (File.Exists(target))
        {
            throw new BackupRefusedException($"{target} exists already; a backup never replaces a file. Name a new one.");
        }
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var connection = new SqliteConnection(source.ToString()))
            {
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", partial);
                await vacuum.ExecuteNonQueryAsync();
            }
            File.Move(partial, target, overwrite: false);
        }
        catch (SqliteException e)
        {
            throw new BackupRefusedException($"The database at {database} could not be copied: {e.Message}");
        }
        catch (IOException) when (File.Exists(target))
        {
            throw new BackupRefusedException($"{target} appeared while the backup was written; it was left as it is.");
        }
        finally
        {
            File.Delete(partial);
        }
        return database;
    }

    private static string PostgresAdvice(string connectionString, string target)
    {
        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        // What the connection string leaves out, pg_dump takes from its own defaults (PGHOST, PGUSER, …) too.
        var options = string.Concat(
            postgres.Host is { Length: > 0 } host ? $" -h {host}" : "",
            postgres.Port == NpgsqlConnection.DefaultPort ? "" : $" -p {postgres.Port}",
            postgres.Username is { Length: > 0 } user ? $" -U {user}" : "",
            postgres.Database is { Length: > 0 } database ? $" -d {database}" : "");
        return "On PostgreSQL, back up with pg_dump (it copies one consistent snapshot while the app runs):\n"
            + $"  pg_dump -Fc{options} -f {target}\n"
            + "and restore into an empty database with pg_restore --no-owner --single-transaction -d DATABASE FILE.";
    }
}

/// <summary>A backup that was not made, for a reason the operator can act on; nothing was written.</summary>
internal sealed class BackupRefusedException(string message) : Exception(message);
