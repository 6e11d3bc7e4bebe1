using System.Buffers;

namespace Receta.Importing.Reading;

/// <summary>
/// Passes text through and refuses a CSV row longer than a bound, so that a hostile file cannot
/// make the parser's buffer grow to its own limit (16 M characters in Sep) or past memory. A row
/// ends at a line break outside quotes; a doubled quote inside a quoted field toggles twice and so
/// leaves the state as it was.
/// </summary>
internal sealed class RowLimitedTextReader(TextReader inner, int maxRowLength) : TextReader
{
    private static readonly SearchValues<char> Structural = SearchValues.Create("\"\r\n");

    private int rowLength;
    private bool quoted;
    private int line = 1;
    private int rowLine = 1;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var next = inner.Read();
        if (next >= 0)
        {
            var character = (char)next;
            Count(new ReadOnlySpan<char>(in character));
        }
        return next;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var at = text.IndexOfAny(Structural);
            rowLength += at < 0 ? text.Length : at;
            if (rowLength > maxRowLength)
            {
                throw new CsvRowTooLongException(rowLine, maxRowLength);
            }
            if (at < 0)
            {
                return;
            }
            var structural = text[at];
            if (structural == '\n')
            {
                line++;
            }
            if (structural == '"')
            {
                quoted = !quoted;
                rowLength++;
            }
            else if (quoted)
            {
                rowLength++;
            }
            else
            {
                rowLength = 0;
                rowLine = line;
            }
            text = text[(at + 1)..];
        }
    }
}

/// <summary>A CSV row longer than the bound; <see cref="Line"/> is the line it starts on.</summary>
internal sealed class CsvRowTooLongException(int line, int maxRowLength)
    : Exception(ImportTexts.CsvRowTooLong.With(maxRowLength))
{
    public int Line { get; } = line;
}
