using System.IO.Compression;

namespace Receta.Importing.Reading;

/// <summary>
/// The bytes one archive may expand to, counted as its entries are actually decompressed: the
/// sizes an entry declares are the uploader's claim, not a fact, so a small zip of zeros cannot
/// make the reader spend more than <paramref name="maxBytes"/>.
/// </summary>
internal sealed class DecompressionBudget(long maxBytes)
{
    private long spent;

    public long MaxBytes => maxBytes;

    /// <summary>The entry's content; reading past the budget throws <see cref="DecompressionLimitException"/>.</summary>
    public Stream Open(ZipArchiveEntry entry) => new CountingStream(entry.Open(), this);

    private void Spend(int bytes)
    {
        spent += bytes;
        if (spent > maxBytes)
        {
            throw new DecompressionLimitException();
        }
    }

    private sealed class CountingStream(Stream inner, DecompressionBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>The archive expanded past its <see cref="DecompressionBudget"/>.</summary>
internal sealed class DecompressionLimitException() : Exception("The archive expands past its limit.");
