using System.Text;
using System.Text.RegularExpressions;

namespace Receta.Importing;

/// <summary>
/// Tells a file's format from its first bytes, for an import that names none: a zip is Loop's CSV
/// export, an SQLite file Loop's backup, JSON and CSV by the keys and headers each app writes.
/// </summary>
public static partial class ImportDetection
{
    private const int HeadBytes = 64 * 1024;

    /// <summary>The format, or null when the file is none that Receta reads.</summary>
    public static string? Detect(string path)
    {
        var head = new byte[HeadBytes];
        int length;
        using (var file = File.OpenRead(path))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return ImportFormats.LoopCsv;
        }
        if (bytes.StartsWith("SQLite format 3\0"u8))
        {
            return ImportFormats.LoopDb;
        }
        // A cut in the middle of a character only spoils that character.
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length == 0 ? null
            : text[0] is '[' or '{' ? DetectJson(text)
            : DetectCsv(text);
    }

    private static string? DetectJson(string text) =>
        RecetaExport().IsMatch(text) ? ImportFormats.RecetaJson
        // Habitica's user object starts with the account's own fields; its tasks come last.
        : HabiticaUser().IsMatch(text) ? ImportFormats.HabiticaJson
        : HasKey(text, "daystamp") || HasKey(text, "gunits") ? ImportFormats.BeeminderJson
        : HasKey(text, "uuid") && HasKey(text, "description") ? ImportFormats.TaskwarriorJson
        : HasKey(text, "start") ? ImportFormats.TimewarriorJson
        : null;

    private static string? DetectCsv(string text)
    {
        var firstLine = text.AsSpan()[..Math.Max(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length)];
        if (firstLine.StartsWith("HabitName,", StringComparison.OrdinalIgnoreCase))
        {
            return ImportFormats.HabitBullCsv;
        }
        return EntriesHeader().IsMatch(firstLine) ? ImportFormats.EntriesCsv : null;
    }

    private static bool HasKey(string text, string name) => text.Contains($"\"{name}\"", StringComparison.Ordinal);

    [GeneratedRegex("\"format\"\\s*:\\s*\"receta-export\"", RegexOptions.CultureInvariant)]
    private static partial Regex RecetaExport();

    [GeneratedRegex("\"(preferences|dailys|todos)\"\\s*:\\s*[\\[{]", RegexOptions.CultureInvariant)]
    private static partial Regex HabiticaUser();

    [GeneratedRegex("^\\s*\"?date\"?\\s*,\\s*\"?value\"?\\s*(,\\s*\"?note\"?\\s*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EntriesHeader();
}
