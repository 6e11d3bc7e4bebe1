namespace Receta.Data.Accounts;

/// <summary>A personal access token. Only the SHA-256 of the secret is stored; the secret is shown once.</summary>
public sealed class AccessToken
{
    public Guid UserId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public TokenScope Scope { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

public enum TokenScope
{
    Write,
    Read,
}
