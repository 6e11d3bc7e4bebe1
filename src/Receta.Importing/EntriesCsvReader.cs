using System.Globalization;
using nietras.SeparatedValues;

namespace Receta.Importing;

/// <summary>
/// Reads an entries CSV (connections.md §1): a header <c>date,value</c> and optionally <c>note</c>,
/// dates <c>YYYY-MM-DD</c>. Rows stream one at a time, so a file of millions of rows is never held
/// in memory. Each entry's key is its line and a hash of its content: the same file imported again
/// finds every row, and a changed row is a new entry.
/// </summary>
public static class EntriesCsvReader
{
    private const string FileName = "entries.csv";

    /// <summary>
    /// The entries, in file order. A row in error is reported to <paramref name="problems"/> and left
    /// out; the reading stops after <see cref="ImportProblems.MaxErrors"/> errors.
    /// </summary>
    /// <remarks><paramref name="valueRequired"/> is false for a goal that counts entries, whose rows may leave the value empty.</remarks>
    public static IEnumerable<ImportedEntry> Read(string path, bool valueRequired, ImportProblems problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        using var reader = Open(path, problems);
        if (reader is null || Columns(reader, problems) is not { } columns)
        {
            yield break;
        }
        while (problems.ErrorCount < ImportProblems.MaxErrors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TryMoveNext(reader, problems))
            {
                yield break;
            }
            if (Parse(reader.Current, columns, valueRequired, problems) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The number of lines after the header: what <see cref="Read"/> will go through, for the import's progress.</summary>
    public static long CountRows(string path)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        var last = (byte)'\n';
        while ((read = file.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        return Math.Max(0, lines + (last == '\n' ? 0 : 1) - 1);
    }

    private static SepReader? Open(string path, ImportProblems problems)
    {
        try
        {
            return Sep.New(',').Reader(options => options with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            problems.Error(FileName, ImportTexts.CsvUnreadable.With(exception.Message));
            return null;
        }
    }

    private static bool TryMoveNext(SepReader reader, ImportProblems problems)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (InvalidDataException exception)
        {
            problems.Error(FileName, ImportTexts.CsvInvalid.With(exception.Message));
            return false;
        }
    }

    private sealed record EntryColumns(int Date, int Value, int Note);

    private static EntryColumns? Columns(SepReader reader, ImportProblems problems)
    {
        var names = reader.Header.ColNames;
        int IndexOf(string name)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            return -1;
        }
        var columns = new EntryColumns(IndexOf("date"), IndexOf("value"), IndexOf("note"));
        if (columns.Date < 0 || columns.Value < 0)
        {
            problems.Error(AtLine(1), ImportTexts.EntriesHeader);
            return null;
        }
        return columns;
    }

    private static ImportedEntry? Parse(SepReader.Row row, EntryColumns columns, bool valueRequired, ImportProblems problems)
    {
        var line = row.LineNumberFrom;
        if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
        {
            return null;
        }
        var place = AtLine(line);
        if (row.ColCount <= Math.Max(columns.Date, columns.Value))
        {
            problems.Error(place, ImportTexts.FewerColumns);
            return null;
        }
        var dateText = row[columns.Date].Span.Trim();
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Error($"{place}, date", ImportTexts.EntriesDate.With(Shorten(dateText)));
            return null;
        }
        if (!ImportRules.CheckDate(date, $"{place}, date", problems))
        {
            return null;
        }
        var valueText = row[columns.Value].Span.Trim();
        double? value = null;
        if (!valueText.IsEmpty)
        {
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                problems.Error($"{place}, value", ImportTexts.NotANumber.With($"'{Shorten(valueText)}'"));
                return null;
            }
            if (!ImportRules.CheckValue(number, $"{place}, value", problems))
            {
                return null;
            }
            value = number;
        }
        else if (valueRequired)
        {
            problems.Error($"{place}, value", ImportTexts.ValueRequired);
            return null;
        }
        var note = columns.Note >= 0 && columns.Note < row.ColCount ? ImportRules.Note(row[columns.Note].ToString(), problems) : null;
        return new ImportedEntry(Key(line, date, value, note), date, value, note);
    }

    // FNV-1a over what the entry says: stable across runs and machines, unlike string.GetHashCode.
    private static string Key(int line, DateOnly date, double? value, string? note)
    {
        var hash = 14695981039346656037UL;
        void Add(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 1099511628211UL);
            }
            hash = unchecked((hash ^ '\u001f') * 1099511628211UL);
        }
        Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(value?.ToString("R", CultureInfo.InvariantCulture));
        Add(note);
        // The line zero-padded, so that keys sort in file order and a million of them append to the index.
        return string.Create(CultureInfo.InvariantCulture, $"{line:D10}:{hash:x16}");
    }

    private static string AtLine(int line) => $"{FileName}, {ImportTexts.AtLine.With(line)}";

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : $"{text[..40]}…";
}
