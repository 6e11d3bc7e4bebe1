using System.Text;

namespace Receta.Cli.Output;

/// <summary>A cell: its text, how it aligns, and an optional ANSI colour (used only on a terminal).</summary>
public readonly record struct Cell(string Text, bool AlignRight = false, string? Colour = null)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A plain table with aligned columns and a header line: fast to print, readable in a pipe, and
/// with colour only when asked for. Columns are separated by two spaces; trailing spaces are trimmed.
/// </summary>
public sealed class Table(params string[] headers)
{
    private readonly List<Cell[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params Cell[] row) => _rows.Add(row);

    public void Write(TextWriter output, bool colour)
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            widths[c] = Math.Max(headers[c].Length, _rows.Count == 0 ? 0 : _rows.Max(r => c < r.Length ? r[c].Text.Length : 0));
        }
        WriteLine(output, headers.Select(h => new Cell(h, Colour: Ansi.Bold)).ToArray(), widths, colour);
        foreach (var row in _rows)
        {
            WriteLine(output, row, widths, colour);
        }
    }

    private static void WriteLine(TextWriter output, Cell[] row, int[] widths, bool colour)
    {
        var line = new StringBuilder();
        for (var c = 0; c < widths.Length; c++)
        {
            var cell = c < row.Length ? row[c] : new Cell("");
            var padding = new string(' ', widths[c] - cell.Text.Length);
            if (c > 0)
            {
                line.Append("  ");
            }
            if (cell.AlignRight)
            {
                line.Append(padding);
            }
            line.Append(colour && cell.Colour is { } code ? $"{code}{cell.Text}{Ansi.Reset}" : cell.Text);
            if (!cell.AlignRight)
            {
                line.Append(padding);
            }
        }
        output.WriteLine(line.ToString().TrimEnd());
    }
}

/// <summary>The few ANSI escapes <c>receta</c> uses.</summary>
public static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string Bold = "\u001b[1m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Red = "\u001b[31m";
    public const string Dim = "\u001b[2m";
}
