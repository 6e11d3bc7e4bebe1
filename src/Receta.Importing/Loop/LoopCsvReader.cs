using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;
using Receta.Importing.Reading;

namespace Receta.Importing.Loop;

/// <summary>
/// Reads Loop Habit Tracker's "Export as CSV" zip (formats.md §1.1): <c>Habits.csv</c> and each
/// habit's <c>NNN Name/Checkmarks.csv</c>, in the 2.3.1 layout and the older ones. A folder is the
/// habit whose <c>Position</c> is its number, never the one whose name it resembles (names are
/// sanitized and may collide). The all-habit <c>Checkmarks.csv</c> and <c>Scores.csv</c> and every
/// <c>Scores.csv</c> are left out: the first are not valid CSV when a name holds a comma, the
/// scores are Loop's own computation. The upload is hostile: entries are read as streams, never
/// written anywhere, and their count and expanded size are bounded.
/// </summary>
public static class LoopCsvReader
{
    public const int MaxEntries = 10_000;

    /// <summary>The bytes all entries together may expand to, counted while decompressing.</summary>
    public const long MaxExpandedBytes = 1L << 30;

    private const string HabitsFile = "Habits.csv";
    private const string CheckmarksFile = "/Checkmarks.csv";
    private const int MaxPositionDigits = 9;
    private const int MaxShownNameLength = 200;

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var goals = new LoopGoals(context);
        var problems = goals.Bundle.Problems;

        using var file = File.OpenRead(path);
        using var archive = OpenArchive(file, problems);
        if (archive is null)
        {
            return goals.Finish();
        }
        if (archive.Entries.Count > MaxEntries)
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopTooManyEntries.With(archive.Entries.Count, MaxEntries));
            return goals.Finish();
        }

        var export = new Export();
        var root = FindRoot(archive.Entries);
        var budget = new DecompressionBudget(MaxExpandedBytes);
        try
        {
            foreach (var entry in archive.Entries)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                ReadEntry(entry, root, budget, export, problems, context.CancellationToken);
            }
        }
        catch (DecompressionLimitException)
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopExpandsTooFar.With(MaxExpandedBytes >> 30));
            return goals.Finish();
        }

        if (!export.HasHabitsFile)
        {
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopNoHabitsFile);
        }
        foreach (var (position, checkmarks) in export.Checkmarks)
        {
            if (!export.Habits.ContainsKey(position))
            {
                problems.Error(checkmarks.Name, ImportTexts.LoopNoHabitAtPosition.With(position));
            }
        }
        if (problems.HasErrors)
        {
            return goals.Finish();
        }

        foreach (var (position, habit) in export.Habits.OrderBy(pair => pair.Key))
        {
            if (export.Checkmarks.TryGetValue(position, out var checkmarks))
            {
                goals.Add(habit, checkmarks.Days, line => $"{checkmarks.Name}, {ImportTexts.AtLine.With(line)}, Value");
            }
            else
            {
                problems.Ignore(ImportTexts.LoopHabitWithoutFolder);
            }
        }
        return goals.Finish();
    }

    private static ZipArchive? OpenArchive(Stream file, ImportProblems problems)
    {
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            // The central directory is read here; a damaged one fails now rather than midway.
            _ = archive.Entries.Count;
            return archive;
        }
        catch (InvalidDataException)
        {
            archive?.Dispose();
            problems.Error(ImportTexts.AtWholeFile, ImportTexts.LoopNotZip);
            return null;
        }
    }

    /// <summary>
    /// The folder the export lies in: none as Loop writes it, or the one folder that an unzipped
    /// and zipped-again export gains; null when there is no Habits.csv at either place.
    /// </summary>
    private static string? FindRoot(IEnumerable<ZipArchiveEntry> entries)
    {
        string? nested = null;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (name == HabitsFile)
            {
                return "";
            }
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            if (nested is null && slash > 0 && name.AsSpan(slash + 1).SequenceEqual(HabitsFile) && !name.StartsWith("__MACOSX/", StringComparison.Ordinal))
            {
                nested = name[..(slash + 1)];
            }
        }
        return nested;
    }

    private static void ReadEntry(
        ZipArchiveEntry entry,
        string? root,
        DecompressionBudget budget,
        Export export,
        ImportProblems problems,
        CancellationToken cancellationToken)
    {
        var name = root is not null && entry.FullName.StartsWith(root, StringComparison.Ordinal)
            ? entry.FullName[root.Length..]
            : null;
        try
        {
            using var content = budget.Open(entry);
            if (name == HabitsFile)
            {
                ReadHabits(content, export, problems);
            }
            else if (name is not null && FolderPosition(name) is { } position)
            {
                ReadCheckmarks(content, name, position, export, problems, cancellationToken);
            }
            else
            {
                // Nothing here is imported, but what it expands to counts toward the limit all the same.
                content.CopyTo(Stream.Null);
            }
        }
        catch (CsvRowTooLongException exception)
        {
            problems.Error($"{name}, {ImportTexts.AtLine.With(exception.Line)}", exception.Message);
        }
        catch (InvalidDataException exception)
        {
            problems.Error(Shown(entry.FullName), ImportTexts.LoopEntryCorrupt.With(exception.Message));
        }
    }

    /// <summary>The number of a habit's folder, for <c>NNN Name/Checkmarks.csv</c> or <c>NNN/Checkmarks.csv</c> (a name of emoji only).</summary>
    private static int? FolderPosition(string name)
    {
        if (!name.EndsWith(CheckmarksFile, StringComparison.Ordinal))
        {
            return null;
        }
        var folder = name.AsSpan(0, name.Length - CheckmarksFile.Length);
        var digits = 0;
        while (digits < folder.Length && char.IsAsciiDigit(folder[digits]))
        {
            digits++;
        }
        var wellFormed = digits is > 0 and <= MaxPositionDigits
            && (digits == folder.Length || folder[digits] == ' ')
            && !folder.Contains('/');
        return wellFormed ? int.Parse(folder[..digits], NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    private static void ReadHabits(Stream content, Export export, ImportProblems problems)
    {
        if (export.HasHabitsFile)
        {
            problems.Error(HabitsFile, ImportTexts.LoopHabitsFileTwice);
            return;
        }
        export.HasHabitsFile = true;

        using var csv = CsvText.Open(content);
        HabitColumns? columns = null;
        // Sep numbers a headerless file's first row wrongly; each row starts where the one before ended.
        var line = 1;
        foreach (var row in csv)
        {
            var at = $"{HabitsFile}, {ImportTexts.AtLine.With(line)}";
            line = row.LineNumberToExcl;
            if (columns is null)
            {
                columns = HabitColumns.Find(row);
                if (columns is null)
                {
                    problems.Error(at, ImportTexts.LoopHabitsHeader);
                    return;
                }
                continue;
            }
            if (CsvText.IsBlank(row))
            {
                continue;
            }
            if (ReadHabit(row, columns, at, problems) is { } read)
            {
                if (!export.Habits.TryAdd(read.Position, read.Habit))
                {
                    problems.Error($"{at}, Position", ImportTexts.LoopPositionTwice.With(read.Position));
                }
            }
        }
        if (columns is null)
        {
            problems.Error(HabitsFile, ImportTexts.LoopHabitsFileEmpty);
        }
    }

    private static (int Position, LoopHabit Habit)? ReadHabit(SepReader.Row row, HabitColumns columns, string place, ImportProblems problems)
    {
        if (row.ColCount < columns.Count)
        {
            problems.Error(place, ImportTexts.RowFieldCount.With(row.ColCount, columns.Count));
            return null;
        }
        if (!int.TryParse(row[columns.Position].Span, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position <= 0)
        {
            problems.Error($"{place}, Position", ImportTexts.LoopNotPosition.With(CsvText.Quote(row[columns.Position].Span)));
            return null;
        }
        var type = LoopHabitType.Unstated;
        if (columns.Type is { } typeColumn)
        {
            switch (row[typeColumn].Span)
            {
                case "YES_NO":
                    type = LoopHabitType.YesNo;
                    break;
                case "NUMERICAL":
                    type = LoopHabitType.Numerical;
                    break;
                default:
                    problems.Error($"{place}, Type", ImportTexts.LoopNotHabitType.With(CsvText.Quote(row[typeColumn].Span)));
                    return null;
            }
        }
        var numerator = Integer(row, columns.Numerator, place, columns.NumeratorName, problems);
        var denominator = Integer(row, columns.Denominator, place, columns.DenominatorName, problems);
        var target = 0.0;
        if (columns.TargetValue is { } targetColumn && !row[targetColumn].Span.IsWhiteSpace())
        {
            // Kotlin's Double.toString: 15.0, 2.5, 1.0E7.
            if (!double.TryParse(row[targetColumn].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out target))
            {
                problems.Error($"{place}, Target Value", ImportTexts.NotANumber.With(CsvText.Quote(row[targetColumn].Span)));
                return null;
            }
            if (!ImportRules.CheckValue(target, $"{place}, Target Value", problems))
            {
                return null;
            }
        }
        if (numerator is null || denominator is null)
        {
            return null;
        }
        var name = row[columns.Name].ToString();
        var unit = columns.Unit is { } unitColumn ? row[unitColumn].ToString() : null;
        return (position, new LoopHabit(string.Create(CultureInfo.InvariantCulture, $"{position:D3} {name}"), name, type, numerator, denominator, unit, target, place));
    }

    private static long? Integer(SepReader.Row row, int column, string place, string columnName, ImportProblems problems)
    {
        if (long.TryParse(row[column].Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        problems.Error($"{place}, {columnName}", ImportTexts.NotWholeNumber.With(CsvText.Quote(row[column].Span)));
        return null;
    }

    private static void ReadCheckmarks(
        Stream content,
        string name,
        int position,
        Export export,
        ImportProblems problems,
        CancellationToken cancellationToken)
    {
        var days = new List<LoopDay>();
        if (!export.Checkmarks.TryAdd(position, new Checkmarks(name, days)))
        {
            problems.Error(name, ImportTexts.LoopFolderNumberTwice.With(position));
            return;
        }

        using var csv = CsvText.Open(content);
        var seen = new HashSet<DateOnly>();
        var line = 1;
        foreach (var row in csv)
        {
            var at = line;
            line = row.LineNumberToExcl;
            if ((row.RowIndex & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            // 2.3.1 writes the header Date,Value,Notes; older versions write no header at all.
            if (CsvText.IsBlank(row) || (row.RowIndex == 0 && row[0].Span.SequenceEqual("Date")))
            {
                continue;
            }
            var place = $"{name}, {ImportTexts.AtLine.With(at)}";
            if (row.ColCount is < 2 or > 3)
            {
                problems.Error(place, ImportTexts.LoopCheckmarksFieldCount.With(row.ColCount));
                continue;
            }
            if (!DateOnly.TryParseExact(row[0].Span, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Error($"{place}, Date", ImportTexts.LoopNotDate.With(CsvText.Quote(row[0].Span)));
                continue;
            }
            if (!ImportRules.CheckDate(date, $"{place}, Date", problems))
            {
                continue;
            }
            if (ParseValue(row[1].Span) is not { } value)
            {
                problems.Error($"{place}, Value", ImportTexts.LoopNotValue.With(CsvText.Quote(row[1].Span)));
                continue;
            }
            if (!seen.Add(date))
            {
                problems.Warn(ImportTexts.LoopDayTwice);
                continue;
            }
            var note = row.ColCount == 3 && !row[2].Span.IsWhiteSpace() ? row[2].ToString() : null;
            days.Add(new LoopDay(date, value, note, at));
        }
    }

    /// <summary>A day's value as Loop stores it: 2.3.1 prints the magic values as words, older versions as numbers.</summary>
    private static long? ParseValue(ReadOnlySpan<char> text) => text switch
    {
        "YES_MANUAL" => LoopDay.YesManual,
        "YES_AUTO" => LoopDay.YesAuto,
        "NO" => LoopDay.No,
        "SKIP" => LoopDay.Skip,
        "UNKNOWN" => LoopDay.Unknown,
        _ => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static string Shown(string entryName) =>
        entryName.Length <= MaxShownNameLength ? entryName : $"{entryName[..MaxShownNameLength]}…";

    /// <summary>What the archive held, gathered before it is joined: its entries may come in any order.</summary>
    private sealed class Export
    {
        public bool HasHabitsFile { get; set; }
        public Dictionary<int, LoopHabit> Habits { get; } = [];
        public Dictionary<int, Checkmarks> Checkmarks { get; } = [];
    }

    private sealed record Checkmarks(string Name, List<LoopDay> Days);

    /// <summary>
    /// Where Habits.csv keeps each field, by its header: 2.3.1 (with Type and FrequencyNumerator),
    /// 2.0 to 2.3.0 and 1.x (NumRepetitions and Interval, and no type: Loop's values tell).
    /// </summary>
    private sealed record HabitColumns(
        int Position,
        int Name,
        int? Type,
        int Numerator,
        string NumeratorName,
        int Denominator,
        string DenominatorName,
        int? Unit,
        int? TargetValue,
        int Count)
    {
        public static HabitColumns? Find(SepReader.Row header)
        {
            var names = CsvText.Names(header);
            int? At(string name) => Array.IndexOf(names, name) is var index and >= 0 ? index : null;

            var (numeratorName, denominatorName) = At("FrequencyNumerator") is not null
                ? ("FrequencyNumerator", "FrequencyDenominator")
                : ("NumRepetitions", "Interval");
            if (At("Position") is not { } position
                || At("Name") is not { } name
                || At(numeratorName) is not { } numerator
                || At(denominatorName) is not { } denominator)
            {
                return null;
            }
            return new HabitColumns(
                position,
                name,
                At("Type"),
                numerator,
                numeratorName,
                denominator,
                denominatorName,
                At("Unit"),
                At("Target Value"),
                names.Length);
        }
    }
}
