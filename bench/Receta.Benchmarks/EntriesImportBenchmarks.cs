using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Goals;
using Receta.Data.Importing;
using Receta.Importing;
using Receta.Web.Features.Importing;

namespace Receta.Benchmarks;

/// <summary>
/// A 1,000,000-row entries CSV imported into a goal on SQLite (connections.md §1: at least half as
/// fast as the <c>sqlite3</c> shell's <c>.import</c> of the same rows), through the import's own reader
/// and bulk insert in one transaction, against the shell importing the same file into a table of its
/// own. Each run starts from a fresh copy of a migrated database; the shell must be on the PATH.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
public class EntriesImportBenchmarks
{
    /// <summary>Five timed runs after one warm-up, in this process: each run takes seconds, and the web host is slow to build again for a job of its own.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private const int Rows = 1_000_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"receta-bench-import-{Environment.ProcessId}");
    private string _csv = "";
    private string _template = "";
    private string _database = "";
    private Guid _ownerId;
    private Guid _goalId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "entries.csv");
        await using (var writer = new StreamWriter(_csv, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("date,value,note");
            var start = new DateOnly(2000, 1, 1);
            for (var i = 0; i < Rows; i++)
            {
                // About 27 years of days, several entries a day, a note on every tenth.
                var date = start.AddDays(i / 100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var value = (i % 97 / 10.0).ToString(CultureInfo.InvariantCulture);
                await writer.WriteLineAsync(i % 10 == 0 ? $"{date},{value},\"session {i}, at the track\"" : $"{date},{value},");
            }
        }
        // A new name each time: a database of the same name may still be open in SQLite's connection pool.
        _template = Path.Combine(_folder, $"template-{Guid.NewGuid():N}.db");
        _ownerId = Guid.CreateVersion7();
        _goalId = Guid.CreateVersion7();
        await using var services = Services(_template);
        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        db.Users.Add(new User { Id = _ownerId, DisplayName = "Bench", UserName = "bench@example.test", Email = "bench@example.test", CreatedAt = DateTimeOffset.UtcNow });
        db.Goals.Add(new Goal
        {
            OwnerId = _ownerId, Id = _goalId, Title = "Laps", StartDate = new DateOnly(2000, 1, 1), Version = 1, CreatedAt = DateTimeOffset.UtcNow,
            MeasureUnit = "laps", MeasureStart = 0, MeasureTarget = 1e9, MeasureAggregation = Aggregation.Sum,
        });
        await db.SaveChangesAsync();
    }

    [IterationSetup]
    public void CopyDatabase()
    {
        _database = Path.Combine(_folder, $"run-{Guid.NewGuid():N}.db");
        File.Copy(_template, _database);
    }

    [Benchmark(Baseline = true, Description = "sqlite3 .import")]
    public void SqliteShell()
    {
        using var shell = Process.Start(new ProcessStartInfo("sqlite3", [_database, ".mode csv", $".import {_csv} ImportedRows"]) { RedirectStandardError = true })!;
        shell.WaitForExit();
        if (shell.ExitCode != 0)
        {
            throw new InvalidOperationException(shell.StandardError.ReadToEnd());
        }
    }

    [Benchmark(Description = "Receta entries-csv")]
    public async Task<long> Receta()
    {
        await using var services = Services(_database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var goal = await db.Goals.SingleAsync(g => g.OwnerId == _ownerId && g.Id == _goalId);
        var job = new ImportJob { OwnerId = _ownerId, Id = Guid.CreateVersion7(), Format = ImportFormats.EntriesCsv };
        var problems = new ImportProblems();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var writer = new ImportWriter(db, job, goal, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, problems);
        await writer.WriteEntriesAsync(goal, EntriesCsvReader.Read(_csv, valueRequired: true, problems, CancellationToken.None), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return problems.HasErrors || job.Created.Entries != Rows
            ? throw new InvalidOperationException($"Imported {job.Created.Entries} of {Rows} rows: {string.Join("; ", problems.Errors.Select(e => e.Message))}")
            : job.Created.Entries;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private static ServiceProvider Services(string database) =>
        new ServiceCollection()
            .AddRecetaDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Receta"] = $"Data Source={database};Pooling=False" }).Build())
            .BuildServiceProvider();
}
