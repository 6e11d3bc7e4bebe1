using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Receta.Importing.Reading;

/// <summary>
/// CSV text as every reader here takes it: comma-separated, quotes unescaped by RFC 4180 (and
/// opencsv) rules, rows of any width (each reader checks the fields it needs), UTF-8 with or
/// without a byte order mark, and no row longer than <see cref="MaxRowLength"/> characters. The
/// header, when there is one, is read as a row, so that the reader decides what it means.
/// </summary>
internal static class CsvText
{
    /// <summary>A row's length in characters past which the file is refused; far above any real note.</summary>
    public const int MaxRowLength = 1 << 20;

    private const int ShownLength = 40;

    public static SepReader Open(Stream stream)
    {
        var text = new RowLimitedTextReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), MaxRowLength);
        return Sep.New(',')
            .Reader(options => options with
            {
                HasHeader = false,
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            })
            .From(text);
    }

    /// <summary>A field's text as a message may quote it: cut, since a hostile field can be a megabyte long.</summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= ShownLength ? $"\"{text}\"" : $"\"{text[..ShownLength]}…\"";

    /// <summary>A header row's names, to find each column a reader needs (Sep's own header throws on a repeated name, which a hostile file may hold).</summary>
    public static string[] Names(SepReader.Row header)
    {
        var names = new string[header.ColCount];
        for (var column = 0; column < names.Length; column++)
        {
            names[column] = header[column].ToString();
        }
        return names;
    }

    /// <summary>True when the row holds nothing but one empty field: a blank line, which carries no data.</summary>
    public static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row[0].Span.IsWhiteSpace();
}
