using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Receta.Web.Tests.Importing;

/// <summary>
/// The files an import is given, made at test time: the importers' fixtures as they are, Loop's
/// CSV export zipped from its fixture folder in Loop's own entry order, a Loop backup made by
/// running a fixture's SQL, and hostile archives.
/// </summary>
internal static class ImportFiles
{
    /// <summary>Past every date the fixtures hold, so that views as of it show everything.</summary>
    public const string Later = "2025-12-31";

    public static string FixturePath(string path) => Path.Combine(AppContext.BaseDirectory, "Fixtures", path);

    public static byte[] Fixture(string path) => File.ReadAllBytes(FixturePath(path));

    /// <summary>
    /// A Loop fixture folder zipped the way Loop's HabitsCSVExporter writes it: file entries only,
    /// no root folder, Habits.csv first, then each habit's Scores.csv and Checkmarks.csv, then the
    /// all-habit files.
    /// </summary>
    public static byte[] LoopZip(string folder)
    {
        var root = FixturePath(Path.Combine("Loop", folder));
        var names = new List<string> { "Habits.csv" };
        foreach (var habit in Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            names.Add($"{habit}/Scores.csv");
            names.Add($"{habit}/Checkmarks.csv");
        }
        names.AddRange(["Scores.csv", "Checkmarks.csv"]);
        return Zip(archive =>
        {
            foreach (var name in names)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(File.ReadAllBytes(Path.Combine(root, name)));
            }
        });
    }

    /// <summary>A Loop backup: the database a fixture's SQL leaves, then <paramref name="change"/> (more SQL) run on it.</summary>
    public static byte[] LoopBackup(string sqlFixture, string? change = null) =>
        Sqlite(File.ReadAllText(FixturePath(Path.Combine("Loop", sqlFixture))) + (change ?? ""));

    /// <summary>The bytes of an SQLite database made by running <paramref name="sql"/>.</summary>
    public static byte[] Sqlite(string sql)
    {
        var path = Path.Combine(Path.GetTempPath(), $"receta-import-test-{Guid.NewGuid():N}.db");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A zip of about a megabyte whose one entry, next to a valid Habits.csv, expands to
    /// <paramref name="expandedBytes"/> zeros, streamed in: made once per run for every test that asks.
    /// </summary>
    public static byte[] ZipBomb(long expandedBytes) => Once($"bomb {expandedBytes}", () => Zip(archive =>
    {
        using (var habits = archive.CreateEntry("Habits.csv").Open())
        {
            habits.Write(File.ReadAllBytes(FixturePath("Loop/csv-2.3.1/Habits.csv")));
        }
        using var zeros = archive.CreateEntry("001 Meditate/Scores.csv", CompressionLevel.Optimal).Open();
        var chunk = new byte[1 << 20];
        for (var written = 0L; written < expandedBytes; written += chunk.Length)
        {
            zeros.Write(chunk, 0, (int)Math.Min(chunk.Length, expandedBytes - written));
        }
    }));

    /// <summary>A zip of a valid Habits.csv and <paramref name="emptyEntries"/> empty files besides it, made once per run.</summary>
    public static byte[] ZipOfManyEntries(int emptyEntries) => Once($"entries {emptyEntries}", () => Zip(archive =>
    {
        using (var habits = archive.CreateEntry("Habits.csv").Open())
        {
            habits.Write(File.ReadAllBytes(FixturePath("Loop/csv-2.3.1/Habits.csv")));
        }
        for (var i = 0; i < emptyEntries; i++)
        {
            archive.CreateEntry($"notes/{i:D5}.txt", CompressionLevel.NoCompression).Open().Dispose();
        }
    }));

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Made = new(StringComparer.Ordinal);

    private static byte[] Once(string name, Func<byte[]> make) => Made.GetOrAdd(name, _ => new Lazy<byte[]>(make)).Value;

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(archive);
        }
        return buffer.ToArray();
    }
}
