using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Npgsql;
using Receta.Testing;

namespace Receta.Benchmarks.Importing;

/// <summary>
/// The same 1,000,000-row entries CSV imported on PostgreSQL, where Receta streams it with binary
/// <c>COPY</c> into a temporary table and moves it with one <c>INSERT … ON CONFLICT DO NOTHING</c>.
/// The baseline is <c>psql</c>'s <c>\copy</c> of the very rows Receta stores into the same
/// <c>Entries</c> table; <c>\copy</c> of the three-column file into a bare table is shown beside it.
/// A throwaway server is started for the run (as the tests do); each run gets a fresh database made
/// from a migrated template.
/// </summary>
[Config(typeof(ImportRunsConfig))]
[MemoryDiagnoser]
public class EntriesImportPostgresBenchmarks
{
    private const string Template = "import_template";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"receta-bench-import-pg-{Environment.ProcessId}");
    private readonly PeakMemory _memory = new();
    private PostgresServer _server = null!;
    private string _csv = "";
    private string _stored = "";
    private string _database = "";
    private int _runs;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "entries.csv");
        await EntriesImport.WriteFileAsync(_csv);
        _server = await PostgresServer.StartAsync();
        await _server.CreateDatabaseAsync(Template);
        await using (var services = Services(Template))
        {
            await EntriesImport.PrepareAsync(services);
        }
        // The rows exactly as an import stores them, for psql to load into the same table.
        CreateDatabase();
        await using (var services = Services(_database))
        {
            await EntriesImport.RunAsync(services, _csv);
        }
        _stored = Path.Combine(_folder, "stored.csv");
        Psql(_database, $"\\copy (SELECT * FROM \"Entries\" WHERE \"ImportKey\" IS NOT NULL) TO '{_stored}' (FORMAT csv)");
        DropDatabase();
    }

    [IterationSetup(Targets = [nameof(SameRowsCopy), nameof(FileCopy)])]
    public void CreateDatabase()
    {
        _database = $"import_run_{++_runs}";
        using var connection = new NpgsqlConnection(_server.ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {_database} TEMPLATE {Template}", connection);
        command.ExecuteNonQuery();
    }

    [IterationCleanup(Targets = [nameof(SameRowsCopy), nameof(FileCopy)])]
    public void DropDatabase() => _server.DropDatabaseAsync(_database).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Receta))]
    public void CreateDatabaseAndWatchMemory()
    {
        CreateDatabase();
        _memory.Start();
    }

    [IterationCleanup(Target = nameof(Receta))]
    public void StopWatchingMemory()
    {
        _memory.Stop();
        DropDatabase();
    }

    [Benchmark(Baseline = true, Description = "psql \\copy, the stored rows into Entries")]
    public void SameRowsCopy() => Psql(_database, $"\\copy \"Entries\" FROM '{_stored}' (FORMAT csv)");

    [Benchmark(Description = "psql \\copy, the file into a bare table")]
    public void FileCopy() => Psql(_database,
        "CREATE TABLE imported_rows (date text, value text, note text)",
        $"\\copy imported_rows FROM '{_csv}' (FORMAT csv, HEADER)");

    [Benchmark(Description = "Receta entries-csv")]
    public async Task<long> Receta()
    {
        await using var services = Services(_database);
        return await EntriesImport.RunAsync(services, _csv);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _memory.Report("Receta entries-csv on PostgreSQL");
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    // Without pooling: a template cannot be copied while a pooled connection to it stays open.
    private Microsoft.Extensions.DependencyInjection.ServiceProvider Services(string database) =>
        EntriesImport.Services("postgres", new NpgsqlConnectionStringBuilder(_server.ConnectionString(database)) { Pooling = false }.ConnectionString);

    private void Psql(string database, params string[] commands)
    {
        var arguments = new List<string> { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", PostgresServer.Host, "-p", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", PostgresServer.SuperUser, "-d", database };
        foreach (var command in commands)
        {
            arguments.AddRange(["-c", command]);
        }
        using var psql = Process.Start(new ProcessStartInfo(Path.Combine(_server.BinDirectory, "psql"), arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = psql.StandardError.ReadToEndAsync();
        psql.StandardOutput.ReadToEnd();
        psql.WaitForExit();
        if (psql.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed: {error.Result}");
        }
    }
}
