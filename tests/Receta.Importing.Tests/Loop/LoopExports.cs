using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Receta.Importing.Tests.Loop;

/// <summary>Loop's exports made at test time from the checked-in fixtures, in Loop's own layout.</summary>
internal static class LoopExports
{
    /// <summary>
    /// Zips a fixture folder the way HabitsCSVExporter does: file entries only, no root folder,
    /// Habits.csv first, then each habit's Scores.csv and Checkmarks.csv, then the all-habit files.
    /// </summary>
    public static string ZipFolder(string folder, string zipPath)
    {
        var names = new List<string> { "Habits.csv" };
        foreach (var habit in Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            names.Add($"{habit}/Scores.csv");
            names.Add($"{habit}/Checkmarks.csv");
        }
        names.AddRange(["Scores.csv", "Checkmarks.csv"]);
        return Zip(zipPath, [.. names.Select(name => (name, File.ReadAllText(Path.Combine(folder, name))))]);
    }

    public static string Zip(string zipPath, params (string Name, string Text)[] entries)
    {
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
        return zipPath;
    }

    /// <summary>A backup made by running a fixture's SQL, as the migrations would have left the database.</summary>
    public static string Backup(string sql, string dbPath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return dbPath;
    }
}
