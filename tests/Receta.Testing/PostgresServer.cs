using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Receta.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: <c>initdb</c> into a temporary folder, listening on
/// 127.0.0.1 and a free port with trust authentication, deleted again on dispose. As root the server
/// binaries run as the <c>postgres</c> user (initdb refuses root). Missing binaries are an error, never
/// a skip. Durability is switched off (<c>fsync</c>, <c>full_page_writes</c>): the data dies with the run.
/// </summary>
/// <remarks>
/// Usable as an xunit assembly fixture (<c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>) or
/// started with <see cref="StartAsync"/>. A server whose test process is gone (killed before it could
/// clean up) is stopped and deleted by the next server started on the machine.
/// </remarks>
public sealed partial class PostgresServer : IAsyncLifetime
{
    public const string Host = "127.0.0.1";
    public const string SuperUser = "postgres";

    private const string InstallRoot = "/usr/lib/postgresql";
    private const string PreferredVersion = "15";
    private const string FolderPrefix = "receta-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lock LiveLock = new();
    private static readonly HashSet<PostgresServer> Live = [];
    private static int s_databaseCounter;

    private readonly Lazy<Task> _stopping;
    private string? _folder;

    static PostgresServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllOnExit();

    public PostgresServer() => _stopping = new(StopAndDeleteAsync);

    /// <summary>The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public string BinDirectory { get; private set; } = "";

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder!, "data");

    private string LogFile => Path.Combine(_folder!, "log", "postgres.log");

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.InitializeAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask InitializeAsync()
    {
        BinDirectory = FindBinDirectory();
        await RemoveAbandonedServersAsync();

        _folder = TempFolders.Create(FolderPrefix);
        Directory.CreateDirectory(Path.Combine(_folder, "sockets"));
        Directory.CreateDirectory(Path.Combine(_folder, "log"));
        lock (LiveLock)
        {
            Live.Add(this);
        }
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["-R", $"{SuperUser}:", _folder], asServerUser: false);
        }

        await RunAsync(Tool("initdb"),
            ["-D", DataFolder, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            asServerUser: true);

        // Another process may take the free port between the probe and the start: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var (exitCode, output) = await TryStartClusterAsync();
            if (exitCode == 0)
            {
                return;
            }
            if (attempt == 3)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not start (pg_ctl exit code {exitCode}):\n{output}\n--- server log ---\n{ReadLogTail()}");
            }
        }
    }

    /// <summary>
    /// Stops the server (<c>pg_ctl stop -m fast</c>: sessions are ended, as by an administrator) and
    /// keeps its data, for a test of what clients see while the database is down. <see cref="StartAgainAsync"/> brings it back.
    /// </summary>
    public async Task StopAsync()
    {
        var data = _folder is null ? throw NotStarted() : DataFolder;
        await RunAsync(Tool("pg_ctl"), ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"], asServerUser: true);
    }

    /// <summary>Starts a server stopped by <see cref="StopAsync"/> again, on the same port with the same data.</summary>
    public async Task StartAgainAsync()
    {
        if (_folder is null)
        {
            throw NotStarted();
        }
        var (exitCode, output) = await TryStartClusterAsync();
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not start again on port {Port} (pg_ctl exit code {exitCode}):\n{output}\n--- server log ---\n{ReadLogTail()}");
        }
    }

    private static InvalidOperationException NotStarted() => new("The server is not started: await InitializeAsync() first.");

    private Task<(int ExitCode, string Output)> TryStartClusterAsync()
    {
        var options = string.Join(' ',
            $"-h {Host}", $"-p {PortText}", $"-k '{Path.Combine(_folder!, "sockets")}'",
            "-F", "-c full_page_writes=off", "-c synchronous_commit=off", "-c max_connections=200");
        return TryRunAsync(Tool("pg_ctl"),
            ["-D", DataFolder, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"], asServerUser: true);
    }

    /// <summary>Creates an empty database and returns an Npgsql connection string for it.</summary>
    /// <param name="name">Lower-case letters, digits and underscores; a unique name when omitted.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= string.Create(CultureInfo.InvariantCulture,
            $"receta_{Interlocked.Increment(ref s_databaseCounter)}_{Guid.NewGuid().ToString("N")[..12]}");
        await ExecuteAsync($"CREATE DATABASE {Identifier(name)}");
        return ConnectionString(name);
    }

    /// <summary>Drops a database at once, ending the sessions connected to it.</summary>
    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {Identifier(name)} WITH (FORCE)");

    /// <summary>
    /// <c>pg_dump -Fc</c> of a database into <paramref name="file"/>, as the README tells an operator
    /// to back up: a consistent snapshot taken while the app goes on using it.
    /// </summary>
    public Task DumpAsync(string database, string file) =>
        RunAsync(Tool("pg_dump"), ["-Fc", "-h", Host, "-p", PortText, "-U", SuperUser, "-d", Identifier(database), "-f", file], asServerUser: false);

    /// <summary>
    /// <c>pg_restore</c> of a <see cref="DumpAsync"/> file into a new, empty database named
    /// <paramref name="database"/>, in one transaction, as the README tells an operator to restore.
    /// </summary>
    public async Task RestoreAsync(string file, string database)
    {
        await CreateDatabaseAsync(database);
        await RunAsync(Tool("pg_restore"),
            ["--no-owner", "--single-transaction", "-h", Host, "-p", PortText, "-U", SuperUser, "-d", database, file], asServerUser: false);
    }

    private string PortText => Port.ToString(CultureInfo.InvariantCulture);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Stops the server and deletes its folder; every caller waits for the same, single stop.</summary>
    public ValueTask DisposeAsync() => new(_stopping.Value);

    private async Task StopAndDeleteAsync()
    {
        if (_folder is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            var (exitCode, _) = await TryRunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-m", "fast", "-w", "-t", "30", "stop"], asServerUser: true);
            if (exitCode != 0)
            {
                await TryRunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asServerUser: true);
            }
        }
        TempFolders.Delete(_folder);
        lock (LiveLock)
        {
            Live.Remove(this);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Identifier(string name) =>
        DatabaseName().IsMatch(name)
            ? name
            : throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9, _).", nameof(name));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private string Tool(string name) => Path.Combine(BinDirectory, name);

    /// <summary>PostgreSQL 15 where installed, otherwise the newest version under /usr/lib/postgresql.</summary>
    private static string FindBinDirectory()
    {
        static bool HasServer(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"));

        var preferred = Path.Combine(InstallRoot, PreferredVersion, "bin");
        if (HasServer(preferred))
        {
            return preferred;
        }
        var newest = Directory.Exists(InstallRoot)
            ? Directory.GetDirectories(InstallRoot)
                .Select(folder => (Folder: folder, Version: decimal.TryParse(Path.GetFileName(folder), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => x.Version >= 0 && HasServer(Path.Combine(x.Folder, "bin")))
                .OrderByDescending(x => x.Version)
                .Select(x => Path.Combine(x.Folder, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"The PostgreSQL server binaries (initdb, pg_ctl) were not found under {InstallRoot}/<version>/bin. "
            + "Install them with 'apt-get install -y postgresql' (test.sh does this).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string ReadLogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join('\n', lines.TakeLast(30));
        }
        catch (IOException e)
        {
            return $"(no server log: {e.Message})";
        }
    }

    /// <summary>Stops and deletes the servers of test processes that died without cleaning up.</summary>
    private async Task RemoveAbandonedServersAsync()
    {
        foreach (var folder in TempFolders.Abandoned(FolderPrefix))
        {
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await TryRunAsync(Tool("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asServerUser: true);
            }
            TempFolders.Delete(folder);
        }
    }

    private static void StopAllOnExit()
    {
        PostgresServer[] servers;
        lock (LiveLock)
        {
            servers = [.. Live];
        }
        foreach (var server in servers)
        {
            try
            {
                server._stopping.Value.Wait(TimeSpan.FromSeconds(20));
            }
            catch (AggregateException)
            {
                // Best effort: the next server started on this machine removes what is left.
            }
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var (exitCode, output) = await TryRunAsync(file, arguments, asServerUser);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(file)} {string.Join(' ', arguments)}' failed with exit code {exitCode}:\n{output}");
        }
    }

    private static Task<(int ExitCode, string Output)> TryRunAsync(string file, IReadOnlyList<string> arguments, bool asServerUser)
    {
        var start = new ProcessStartInfo { FileName = asServerUser && RunsAsRoot ? "runuser" : file };
        if (asServerUser && RunsAsRoot)
        {
            foreach (var argument in new[] { "-u", SuperUser, "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return ChildProcess.RunAsync(start, CommandTimeout);
    }
}
