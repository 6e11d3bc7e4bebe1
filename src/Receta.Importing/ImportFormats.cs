using Receta.Importing.Beeminder;
using Receta.Importing.HabitBull;
using Receta.Importing.Habitica;
using Receta.Importing.Loop;
using Receta.Importing.RecetaJson;
using Receta.Importing.Taskwarrior;
using Receta.Importing.Timewarrior;

namespace Receta.Importing;

/// <summary>The formats an import reads (connections.md §1), by the names the API uses.</summary>
public static class ImportFormats
{
    public const string LoopCsv = "loop-csv";
    public const string LoopDb = "loop-db";
    public const string HabitBullCsv = "habitbull-csv";
    public const string BeeminderJson = "beeminder-json";
    public const string TaskwarriorJson = "taskwarrior-json";
    public const string TimewarriorJson = "timewarrior-json";
    public const string HabiticaJson = "habitica-json";
    public const string RecetaJson = "receta-json";
    public const string EntriesCsv = "entries-csv";

    public static IReadOnlyList<string> All { get; } =
        [LoopCsv, LoopDb, HabitBullCsv, BeeminderJson, TaskwarriorJson, TimewarriorJson, HabiticaJson, RecetaJson, EntriesCsv];

    /// <summary>The format's name as the API spells it, or null when it is none of them.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(format => string.Equals(format, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads a whole file of <paramref name="format"/> into a bundle. An entries CSV, which can hold
    /// millions of rows, streams through <see cref="EntriesCsvReader"/> instead.
    /// </summary>
    public static ImportBundle Read(string format, string path, ImportContext context) => format switch
    {
        LoopCsv => LoopCsvReader.Read(path, context),
        LoopDb => LoopDbReader.Read(path, context),
        HabitBullCsv => HabitBullCsvReader.Read(path, context),
        BeeminderJson => BeeminderJsonReader.Read(path, context),
        TaskwarriorJson => TaskwarriorJsonReader.Read(path, context),
        TimewarriorJson => TimewarriorJsonReader.Read(path, context),
        HabiticaJson => HabiticaJsonReader.Read(path, context),
        RecetaJson => RecetaJsonReader.Read(path, context),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a format read into a bundle."),
    };
}
