using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Receta.Core.Purpose;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Goals;
using Receta.Data.Importing;
using Receta.Importing;
using Receta.Web.Features.Importing;
using Receta.Web.Infrastructure;

namespace Receta.Benchmarks.Importing;

/// <summary>
/// What the entries-import benchmarks of both providers share: the 1,000,000-row file, the account
/// and goal it goes into, the import itself through the import's own reader and bulk insert, and the
/// peak memory it took.
/// </summary>
internal static class EntriesImport
{
    public const int Rows = 1_000_000;

    public static readonly Guid OwnerId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    public static readonly Guid GoalId = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");

    /// <summary>About 27 years of days, several entries a day, a note (with a comma, so quoted) on every tenth.</summary>
    public static async Task WriteFileAsync(string path)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("date,value,note");
        var start = new DateOnly(2000, 1, 1);
        for (var i = 0; i < Rows; i++)
        {
            var date = start.AddDays(i / 100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var value = (i % 97 / 10.0).ToString(CultureInfo.InvariantCulture);
            await writer.WriteLineAsync(i % 10 == 0 ? $"{date},{value},\"session {i}, at the track\"" : $"{date},{value},");
        }
    }

    public static ServiceProvider Services(string provider, string connectionString) =>
        new ServiceCollection()
            .AddRecetaDatabase(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Receta"] = connectionString,
            }).Build())
            .AddRecetaLocalization()
            .BuildServiceProvider();

    /// <summary>Migrates an empty database and adds the account and the goal the entries go under.</summary>
    public static async Task PrepareAsync(ServiceProvider services)
    {
        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        db.Users.Add(new User { Id = OwnerId, DisplayName = "Bench", UserName = "bench@example.test", Email = "bench@example.test", CreatedAt = DateTimeOffset.UtcNow });
        db.Goals.Add(new Goal
        {
            OwnerId = OwnerId, Id = GoalId, Title = "Laps", StartDate = new DateOnly(2000, 1, 1), Version = 1, CreatedAt = DateTimeOffset.UtcNow,
            MeasureUnit = "laps", MeasureStart = 0, MeasureTarget = 1e9, MeasureAggregation = Aggregation.Sum,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The file imported into the goal as <c>POST /imports</c> does it: in one transaction, every row checked and keyed.</summary>
    public static async Task<long> RunAsync(ServiceProvider services, string csv)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var goal = await db.Goals.SingleAsync(g => g.OwnerId == OwnerId && g.Id == GoalId);
        var job = new ImportJob { OwnerId = OwnerId, Id = Guid.CreateVersion7(), Format = ImportFormats.EntriesCsv };
        var problems = new ImportProblems();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var texts = scope.ServiceProvider.GetRequiredService<IStringLocalizer<ImportRunner>>();
        var writer = new ImportWriter(db, job, goal, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, problems, texts);
        await writer.WriteEntriesAsync(goal, EntriesCsvReader.Read(csv, valueRequired: true, problems, CancellationToken.None), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return problems.HasErrors || job.Created.Entries != Rows
            ? throw new InvalidOperationException($"Imported {job.Created.Entries} of {Rows} rows: {string.Join("; ", problems.Errors.Select(e => e.Message))}")
            : job.Created.Entries;
    }
}

/// <summary>
/// The most this process's resident memory rose above where it stood when a run began (Linux:
/// <c>/proc/self/clear_refs</c> resets the high-water mark that <c>/proc/self/status</c> reports as
/// <c>VmHWM</c>), over all runs: native memory too, SQLite's page cache and Npgsql's buffers included.
/// </summary>
internal sealed class PeakMemory
{
    private long _start;
    private int _runs;

    public long MaxGrowthBytes { get; private set; }

    public void Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        _start = Read("VmRSS:");
    }

    public void Stop()
    {
        MaxGrowthBytes = Math.Max(MaxGrowthBytes, Read("VmHWM:") - _start);
        _runs++;
    }

    /// <summary>Printed into the benchmark's log after the measured case (each case has its own setup and cleanup).</summary>
    public void Report(string what)
    {
        if (_runs > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// {what}: peak memory growth {MaxGrowthBytes / (1024.0 * 1024.0):F0} MB over {_runs} runs"));
        }
    }

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
