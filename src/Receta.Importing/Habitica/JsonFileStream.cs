using System.Text.Json;

namespace Receta.Importing.Habitica;

/// <summary>
/// A JSON file read forward in chunks, for exports far larger than the parts a reader needs: what
/// is skipped is only tokenized, a chunk at a time, and only the values asked for become a
/// <see cref="JsonDocument"/>, each held in memory on its own.
/// </summary>
/// <remarks>
/// Every operation starts a reader at the last committed token; when the chunk ends before the
/// operation is done, the unread rest moves to the front, more of the file is read behind it, and the
/// operation starts again from that token. The buffer grows only for a single value (or token)
/// larger than it, up to the most it was given.
/// </remarks>
internal sealed class JsonFileStream
{
    public const int DefaultBufferBytes = 64 * 1024;
    public const int DefaultMaxValueBytes = 64 * 1024 * 1024;

    private readonly Stream stream;
    private readonly int maxValueBytes;
    private readonly CancellationToken cancellationToken;
    private byte[] buffer;
    private int start;
    private int end;
    private long bufferOffset;
    private bool isFinalBlock;
    private JsonReaderState state;

    public JsonFileStream(Stream stream, JsonReaderOptions options, int initialBufferBytes, int maxValueBytes, CancellationToken cancellationToken)
    {
        this.stream = stream;
        this.maxValueBytes = maxValueBytes;
        this.cancellationToken = cancellationToken;
        // Room for a byte order mark, whatever the chunk size.
        buffer = new byte[Math.Max(initialBufferBytes, 3)];
        state = new JsonReaderState(options);
        Fill();
        // Utf8JsonReader does not skip a byte order mark itself; an editor's UTF-8 save may add one.
        if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
        {
            start = 3;
        }
    }

    /// <summary>How far into the file reading has come, in bytes from 0: just past the last whole token.</summary>
    public long Offset => bufferOffset + start;

    /// <summary>The next token; <see cref="JsonTokenType.None"/> after the file's one value has ended.</summary>
    public JsonTokenType ReadToken() => ReadToken(out _);

    /// <summary>
    /// The next token, and for a property name its text (null when that is not valid UTF-8, so that it
    /// matches no name the caller looks for).
    /// </summary>
    public JsonTokenType ReadToken(out string? propertyName)
    {
        while (true)
        {
            var reader = NewReader();
            if (reader.Read())
            {
                propertyName = reader.TokenType == JsonTokenType.PropertyName ? TryGetString(ref reader) : null;
                var type = reader.TokenType;
                Commit(ref reader);
                return type;
            }
            if (isFinalBlock)
            {
                propertyName = null;
                return JsonTokenType.None;
            }
            More();
        }
    }

    /// <summary>Skips the value that follows a property name.</summary>
    public void SkipValue()
    {
        var first = ReadToken();
        if (first is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            SkipRest();
        }
    }

    /// <summary>Skips the next element of an array; false, with the array's end read, when there is none.</summary>
    public bool SkipElement()
    {
        var first = ReadToken();
        if (first == JsonTokenType.EndArray)
        {
            return false;
        }
        if (first is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            SkipRest();
        }
        return true;
    }

    /// <summary>The value that follows a property name, parsed whole.</summary>
    public JsonDocument ReadValue() =>
        ReadDocument(stopAtEndOfArray: false) ?? throw new InvalidOperationException("Only an array's end reads as no value.");

    /// <summary>The next element of an array parsed whole; null, with the array's end read, when there is none.</summary>
    public JsonDocument? ReadElement() => ReadDocument(stopAtEndOfArray: true);

    private JsonDocument? ReadDocument(bool stopAtEndOfArray)
    {
        while (true)
        {
            var reader = NewReader();
            if (reader.Read())
            {
                if (stopAtEndOfArray && reader.TokenType == JsonTokenType.EndArray)
                {
                    Commit(ref reader);
                    return null;
                }
                if (JsonDocument.TryParseValue(ref reader, out var document))
                {
                    Commit(ref reader);
                    return document;
                }
            }
            if (isFinalBlock)
            {
                // A final block either completes the value or throws; this is the end of the file.
                throw new JsonException(ImportTexts.JsonEndedBeforeValue);
            }
            More();
        }
    }

    // The rest of an object or array whose start token has been read, a chunk at a time, so that
    // skipping never needs the whole value in memory.
    private void SkipRest()
    {
        var depth = 1;
        while (true)
        {
            var reader = NewReader();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    default:
                        break;
                }
                if (depth == 0)
                {
                    Commit(ref reader);
                    return;
                }
            }
            Commit(ref reader);
            if (isFinalBlock)
            {
                throw new JsonException(ImportTexts.JsonEndedInsideValue);
            }
            More();
        }
    }

    private Utf8JsonReader NewReader() => new(buffer.AsSpan(start, end - start), isFinalBlock, state);

    private void Commit(ref Utf8JsonReader reader)
    {
        start += checked((int)reader.BytesConsumed);
        state = reader.CurrentState;
    }

    private void More()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        else if (end == buffer.Length)
        {
            if (buffer.Length >= maxValueBytes)
            {
                throw new JsonException(ImportTexts.JsonValueTooLarge.With(maxValueBytes));
            }
            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxValueBytes));
        }
        Fill();
    }

    private void Fill()
    {
        while (end < buffer.Length)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                isFinalBlock = true;
                return;
            }
            end += read;
        }
    }

    private static string? TryGetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
