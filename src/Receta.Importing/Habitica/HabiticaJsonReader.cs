using System.Globalization;
using System.Text.Json;

namespace Receta.Importing.Habitica;

/// <summary>
/// Reads Habitica's user-data export (<c>GET /export/userdata.json</c>, one compact line): a goal
/// "Habitica" with each daily as a habit and each to-do as a milestone (connections.md §1,
/// <c>habitica-json</c>; the format in formats.md §5).
/// </summary>
/// <remarks>
/// Only <c>tasks</c> and <c>preferences</c> are parsed; the rest of the user (items, achievements,
/// the inbox…), which can make the file hundreds of megabytes, is only tokenized on the way past, and
/// each task is held in memory alone. Bad input becomes errors in the bundle, never an exception;
/// only cancellation (and failing to read the file at all) throws.
/// </remarks>
public static class HabiticaJsonReader
{
    // Habitica's own user document nests a handful of levels; anything far deeper is not its export.
    private const int MaxDepth = 64;

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(file, context, JsonFileStream.DefaultBufferBytes, JsonFileStream.DefaultMaxValueBytes);
    }

    /// <summary>Reads from <paramref name="stream"/> in chunks of the sizes given (small ones in tests).</summary>
    internal static ImportBundle Read(Stream stream, ImportContext context, int initialBufferBytes, int maxValueBytes)
    {
        var bundle = new ImportBundle();
        var json = new JsonFileStream(stream, new JsonReaderOptions { MaxDepth = MaxDepth }, initialBufferBytes, maxValueBytes, context.CancellationToken);
        var tasks = new HabiticaTasks(context, bundle.Problems);
        try
        {
            if (ReadUser(json, tasks, bundle.Problems, context.CancellationToken))
            {
                bundle.Goals.Add(tasks.Finish());
            }
        }
        catch (JsonException exception)
        {
            bundle.Problems.Error(Where(exception, json), Message(exception));
        }
        return bundle;
    }

    // False when the file is not the export's shape at all, so nothing of it is worth keeping.
    private static bool ReadUser(JsonFileStream json, HabiticaTasks tasks, ImportProblems problems, CancellationToken cancellationToken)
    {
        var first = json.ReadToken();
        if (first != JsonTokenType.StartObject)
        {
            problems.Error(ImportTexts.AtTheFile, ImportTexts.HabiticaNotObject.With(HabiticaJson.Describe(first)));
            return false;
        }
        var sawTasks = false;
        while (json.ReadToken(out var name) == JsonTokenType.PropertyName)
        {
            switch (name)
            {
                case "tasks":
                    sawTasks = true;
                    if (!ReadTasks(json, tasks, problems, cancellationToken))
                    {
                        return false;
                    }
                    break;
                case "preferences":
                    using (var preferences = json.ReadValue())
                    {
                        if (!tasks.ReadPreferences(preferences.RootElement))
                        {
                            return false;
                        }
                    }
                    break;
                default:
                    json.SkipValue();
                    break;
            }
        }
        // Reading on to the end has the reader report anything after the object.
        json.ReadToken();
        if (!sawTasks)
        {
            problems.Error("tasks", ImportTexts.HabiticaNoTasks);
            return false;
        }
        return true;
    }

    private static bool ReadTasks(JsonFileStream json, HabiticaTasks tasks, ImportProblems problems, CancellationToken cancellationToken)
    {
        var first = json.ReadToken();
        if (first != JsonTokenType.StartObject)
        {
            problems.Error("tasks", ImportTexts.HabiticaTasksNotObject.With(HabiticaJson.Describe(first)));
            return false;
        }
        while (json.ReadToken(out var name) == JsonTokenType.PropertyName)
        {
            // Each list's key is the type with an "s" (so "dailys"), and missing when the user has none.
            var read = name switch
            {
                "dailys" => ReadList(json, "tasks.dailys", tasks.ReadDaily, problems, cancellationToken),
                "todos" => ReadList(json, "tasks.todos", tasks.ReadTodo, problems, cancellationToken),
                "habits" => IgnoreList(json, "tasks.habits", ImportTexts.HabiticaHabitsIgnored, problems, cancellationToken),
                "rewards" => IgnoreList(json, "tasks.rewards", ImportTexts.HabiticaRewardsIgnored, problems, cancellationToken),
                _ => SkipUnknown(json, problems),
            };
            if (!read)
            {
                return false;
            }
        }
        return true;
    }

    private static bool ReadList(
        JsonFileStream json, string where, Action<JsonElement, string> read, ImportProblems problems, CancellationToken cancellationToken)
    {
        if (!StartList(json, where, problems))
        {
            return false;
        }
        for (var index = 0; ; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var task = json.ReadElement();
            if (task is null)
            {
                return true;
            }
            read(task.RootElement, string.Create(CultureInfo.InvariantCulture, $"{where}[{index}]"));
        }
    }

    private static bool IgnoreList(JsonFileStream json, string where, string reason, ImportProblems problems, CancellationToken cancellationToken)
    {
        if (!StartList(json, where, problems))
        {
            return false;
        }
        while (json.SkipElement())
        {
            cancellationToken.ThrowIfCancellationRequested();
            problems.Ignore(reason);
        }
        return true;
    }

    private static bool StartList(JsonFileStream json, string where, ImportProblems problems)
    {
        var first = json.ReadToken();
        if (first == JsonTokenType.StartArray)
        {
            return true;
        }
        problems.Error(where, ImportTexts.HabiticaListNotArray.With(HabiticaJson.Describe(first)));
        return false;
    }

    private static bool SkipUnknown(JsonFileStream json, ImportProblems problems)
    {
        problems.Warn(ImportTexts.HabiticaUnknownListSkipped);
        json.SkipValue();
        return true;
    }

    private static string Where(JsonException exception, JsonFileStream json) =>
        exception.LineNumber is { } line
            ? ImportTexts.AtLineByte.With(line + 1, exception.BytePositionInLine + 1)
            : ImportTexts.AtByte.With(json.Offset + 1);

    // The reader's message ends with its own 0-based position, which Where already gives from 1; an
    // exception without a position is the stream's own, already worded for the user.
    private static string Message(JsonException exception)
    {
        var text = exception.Message;
        if (exception.LineNumber is null)
        {
            return text;
        }
        var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return ImportTexts.HabiticaNotJson.With(position >= 0 ? text[..position] : text);
    }
}
