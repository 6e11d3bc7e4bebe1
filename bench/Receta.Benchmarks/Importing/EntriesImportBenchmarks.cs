using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Receta.Benchmarks.Importing;

/// <summary>Five timed runs after one warm-up, in this process: each run takes seconds, and the web host's services are slow to build in a process of their own.</summary>
internal sealed class ImportRunsConfig : ManualConfig
{
    public ImportRunsConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
}

/// <summary>
/// A 1,000,000-row entries CSV imported into a goal on SQLite (connections.md §1: at least half as
/// fast as the <c>sqlite3</c> shell's <c>.import</c> of the same rows). The baseline is the shell
/// importing the very rows Receta stores (every column, as stored) into the same <c>Entries</c>
/// table with its keys and indexes: what SQLite itself takes to hold them. The shell importing the
/// three-column file into a table of its own, without a key or an index, is shown beside it. Each
/// run starts from a fresh copy of a migrated database; the shell must be on the PATH.
/// </summary>
[Config(typeof(ImportRunsConfig))]
[MemoryDiagnoser]
public class EntriesImportBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"receta-bench-import-{Environment.ProcessId}");
    private readonly PeakMemory _memory = new();
    private string _csv = "";
    private string _stored = "";
    private string _template = "";
    private string _database = "";

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
        _template = NewDatabaseName();
        await using (var services = Services(_template))
        {
            await EntriesImport.PrepareAsync(services);
        }
        // The rows exactly as an import stores them, for the shell to load into the same table.
        CopyDatabase();
        await using (var services = Services(_database))
        {
            await EntriesImport.RunAsync(services, _csv);
        }
        _stored = Path.Combine(_folder, "stored.csv");
        Shell(_database, ".mode csv", $".output {_stored}", "SELECT * FROM \"Entries\" WHERE \"ImportKey\" IS NOT NULL");
    }

    [IterationSetup(Targets = [nameof(SameRowsShell), nameof(FileShell)])]
    public void CopyDatabase()
    {
        _database = NewDatabaseName();
        File.Copy(_template, _database);
    }

    [IterationSetup(Target = nameof(Receta))]
    public void CopyDatabaseAndWatchMemory()
    {
        CopyDatabase();
        _memory.Start();
    }

    [IterationCleanup(Target = nameof(Receta))]
    public void StopWatchingMemory() => _memory.Stop();

    [Benchmark(Baseline = true, Description = "sqlite3 .import, the stored rows into Entries")]
    public void SameRowsShell() => Shell(_database, ".mode csv", $".import {_stored} Entries");

    [Benchmark(Description = "sqlite3 .import, the file into a bare table")]
    public void FileShell() => Shell(_database, ".mode csv", $".import {_csv} ImportedRows");

    [Benchmark(Description = "Receta entries-csv")]
    public async Task<long> Receta()
    {
        await using var services = Services(_database);
        return await EntriesImport.RunAsync(services, _csv);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memory.Report("Receta entries-csv on SQLite");
        Directory.Delete(_folder, recursive: true);
    }

    // A new name each time: a database of the same name may still be open in SQLite's connection pool.
    private string NewDatabaseName() => Path.Combine(_folder, $"run-{Guid.NewGuid():N}.db");

    private static Microsoft.Extensions.DependencyInjection.ServiceProvider Services(string database) =>
        EntriesImport.Services("sqlite", $"Data Source={database};Pooling=False");

    private static void Shell(string database, params string[] commands)
    {
        using var shell = Process.Start(new ProcessStartInfo("sqlite3", [database, .. commands]) { RedirectStandardError = true })!;
        var error = shell.StandardError.ReadToEnd();
        shell.WaitForExit();
        if (shell.ExitCode != 0 || error.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 failed: {error}");
        }
    }
}
