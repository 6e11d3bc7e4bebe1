namespace Receta.Web.Infrastructure.Idempotency;

/// <summary>
/// The response body of a request with an idempotency key, held in memory instead of sent, up to
/// <paramref name="limit"/> bytes; past it, what was held and all that follows go to
/// <paramref name="inner"/> as written (<see cref="PassedThrough"/>). Flushes while holding are
/// dropped: they would start the response before it is remembered.
/// </summary>
internal sealed class HeldResponseStream(Stream inner, int limit) : Stream
{
    private MemoryStream? _held = new();

    /// <summary>The body grew past the limit and was sent as it came: nothing is held.</summary>
    public bool PassedThrough => _held is null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The body held so far.</summary>
    public byte[] Held() => _held?.ToArray() ?? throw new InvalidOperationException("The body was passed through, not held.");

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (TryHold(buffer))
        {
            return;
        }
        if (TakeHeld() is { } held)
        {
            inner.Write(held);
        }
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TryHold(buffer.Span))
        {
            return;
        }
        if (TakeHeld() is { } held)
        {
            await inner.WriteAsync(held, cancellationToken);
        }
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        if (PassedThrough)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        PassedThrough ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopHolding();
        }
        base.Dispose(disposing);
    }

    private bool TryHold(ReadOnlySpan<byte> buffer)
    {
        if (_held is null || _held.Length + buffer.Length > limit)
        {
            return false;
        }
        _held.Write(buffer);
        return true;
    }

    /// <summary>What was held, to send before the bytes that do not fit; null once passing through.</summary>
    private byte[]? TakeHeld()
    {
        var held = _held?.ToArray();
        StopHolding();
        return held;
    }

    private void StopHolding()
    {
        _held?.Dispose();
        _held = null;
    }
}
