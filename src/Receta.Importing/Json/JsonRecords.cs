using System.Text.Json;

namespace Receta.Importing.Json;

/// <summary>How a file's records are laid out.</summary>
internal enum JsonLayout
{
    /// <summary>No record was found: the file is empty or not JSON.</summary>
    None,

    /// <summary>The records are the elements of one top-level array.</summary>
    Array,

    /// <summary>The records are top-level values one after another: one object per line (JSON Lines), or a single object.</summary>
    Values,
}

/// <summary>One record of a file, the <paramref name="Number"/>th, starting on <paramref name="Line"/>; <see cref="Value"/> lives only while the handler runs.</summary>
internal readonly record struct JsonRecord(JsonElement Value, int Number, long Line, string Noun, JsonLayout Layout)
{
    /// <summary>The record's place, e.g. <c>line 4, task 3</c>.</summary>
    public string Where => Place(Line, Noun, Number);

    /// <summary>The place of the <paramref name="number"/>th record, a <paramref name="noun"/> starting on <paramref name="line"/>.</summary>
    public static string Place(long line, string noun, int number) => ImportTexts.AtRecord.With(line, noun, number);
}

/// <summary>
/// Reads a file of JSON records one at a time, so that memory holds one record and a buffer rather
/// than the whole file (uploads go up to 200 MiB). Bad JSON is an error naming its line and byte,
/// never an exception; only cancellation escapes.
/// </summary>
internal static class JsonRecords
{
    /// <summary>Deep enough for every format read here; a hostile file cannot make the parser recurse further.</summary>
    public const int MaxDepth = 64;

    private const int FirstBufferLength = 64 * 1024;

    // Above the upload limit, so only a hostile file meets it; it bounds the buffer a single record can claim.
    private const int MaxRecordLength = 256 * 1024 * 1024;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Calls <paramref name="onRecord"/> for each element of the file's top-level array, or for each
    /// of its top-level values (JSON Lines). <paramref name="noun"/> names a record in error places, in the texts' language.
    /// </summary>
    public static JsonLayout Read(string path, string noun, ImportProblems problems, Action<JsonRecord> onRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var scanner = new Scanner(noun, onRecord, problems, cancellationToken);
        var buffer = new byte[FirstBufferLength];
        var filled = 0;
        // Where the buffer's data starts in the file's text (after any byte order mark), for counting lines.
        var offset = 0L;
        var isFinal = false;
        var first = true;
        try
        {
            while (true)
            {
                while (!isFinal && filled < buffer.Length)
                {
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    isFinal = read == 0;
                    filled += read;
                }
                var start = 0;
                if (first && buffer.AsSpan(0, filled).StartsWith(ByteOrderMark))
                {
                    start = ByteOrderMark.Length;
                }
                first = false;

                var data = buffer.AsSpan(start, filled - start);
                var done = scanner.Consume(data, offset, isFinal);
                if (scanner.Finished)
                {
                    return scanner.Layout;
                }
                scanner.CountLines(data, offset, done);
                offset += done;

                var rest = data.Length - done;
                if (rest == buffer.Length)
                {
                    if (buffer.Length >= MaxRecordLength)
                    {
                        problems.Error(JsonRecord.Place(scanner.Line, noun, scanner.Number + 1), ImportTexts.RecordTooLong.With(MaxRecordLength / (1024 * 1024)));
                        return scanner.Layout;
                    }
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                else
                {
                    data[done..].CopyTo(buffer);
                }
                filled = rest;
            }
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber + 1 ?? scanner.Line;
            var position = exception.BytePositionInLine + 1 ?? 1;
            problems.Error(ImportTexts.AtLineByte.With(line, position), ImportTexts.NotValidJson.With(Reason(exception)));
            return scanner.Layout;
        }
    }

    // The reader's message ends with the place, which the error names already.
    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class Scanner(string noun, Action<JsonRecord> onRecord, ImportProblems problems, CancellationToken cancellationToken)
    {
        private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = MaxDepth, AllowMultipleValues = true });
        private long countedTo;
        private bool arrayClosed;

        public JsonLayout Layout { get; private set; }

        public bool Finished { get; private set; }

        public int Number { get; private set; }

        /// <summary>The line at the last place counted: the start of the last record seen.</summary>
        public long Line { get; private set; } = 1;

        /// <summary>
        /// Hands over every record that lies wholly inside <paramref name="data"/> (which starts at
        /// byte <paramref name="offset"/> of the file) and answers how many bytes are done with; a
        /// record cut by the buffer's end is read again, whole, on the next call.
        /// </summary>
        public int Consume(ReadOnlySpan<byte> data, long offset, bool isFinal)
        {
            var reader = new Utf8JsonReader(data, isFinal, state);
            var done = 0;
            var doneState = state;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.StartArray && Layout == JsonLayout.None)
                {
                    Layout = JsonLayout.Array;
                }
                else if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndArray && Layout == JsonLayout.Array && !arrayClosed)
                {
                    arrayClosed = true;
                }
                else
                {
                    var line = LineAt(data, offset, (int)reader.TokenStartIndex);
                    if (arrayClosed)
                    {
                        problems.Error(ImportTexts.AtLine.With(line), ImportTexts.NothingAfterArray);
                        Finished = true;
                        return done;
                    }
                    if (Layout == JsonLayout.None)
                    {
                        Layout = JsonLayout.Values;
                    }
                    if (!JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        if (isFinal)
                        {
                            problems.Error(JsonRecord.Place(line, noun, Number + 1), ImportTexts.EndsInsideRecord);
                        }
                        break;
                    }
                    Number++;
                    using (document)
                    {
                        onRecord(new JsonRecord(document.RootElement, Number, line, noun, Layout));
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                }
                done = (int)reader.BytesConsumed;
                doneState = reader.CurrentState;
            }
            state = doneState;
            if (isFinal)
            {
                Finished = true;
                if (Layout == JsonLayout.None)
                {
                    problems.Error(ImportTexts.AtLine.With(1), ImportTexts.NoJson);
                }
            }
            return done;
        }

        /// <summary>Counts the lines of the bytes about to be dropped from the buffer.</summary>
        public void CountLines(ReadOnlySpan<byte> data, long offset, int done) => LineAt(data, offset, done);

        private long LineAt(ReadOnlySpan<byte> data, long offset, int index)
        {
            var at = offset + index;
            if (at > countedTo)
            {
                Line += data[(int)(countedTo - offset)..index].Count((byte)'\n');
                countedTo = at;
            }
            return Line;
        }
    }
}
