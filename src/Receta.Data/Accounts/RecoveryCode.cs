namespace Receta.Data.Accounts;

/// <summary>A single-use two-factor recovery code, stored only as a hash.</summary>
public sealed class RecoveryCode
{
    public Guid UserId { get; set; }
    public Guid Id { get; set; }
    public required byte[] CodeHash { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
