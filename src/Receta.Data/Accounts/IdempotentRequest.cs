namespace Receta.Data.Accounts;

/// <summary>
/// A request an account sent with an <c>Idempotency-Key</c>, and the answer it got, so that a retry
/// with the same key is answered the same without running again. The row is written before the
/// request runs (the reservation; <see cref="StatusCode"/> is null while it runs) and completed with
/// the answer afterwards. Keyed by (UserId, Key): one account's key never meets another's.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>At most this many characters, each visible ASCII (0x21–0x7E).</summary>
    public const int MaxKeyLength = 100;

    /// <summary>How long a key is remembered from its first request; an older row counts as none.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid UserId { get; set; }

    /// <summary>The client's key, compared exactly (case-sensitive).</summary>
    public required string Key { get; set; }

    /// <summary>The SHA-256 of the request's method, path, query and body: a reuse of the key for another request is refused.</summary>
    public required byte[] Fingerprint { get; set; }

    /// <summary>When the first request arrived; the key is remembered for 24 hours from then.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The answer's status; null while the first request is still running.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    /// <summary>The answer's body as sent (at most 1 MiB); empty for an answer without one.</summary>
    public byte[]? Body { get; set; }
}
