using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// A personal access token for the account: <c>scope</c> is <c>write</c> (default) or <c>read</c>;
/// <c>code</c> or <c>recoveryCode</c> when the account has two-factor sign-in.
/// </summary>
public sealed record CreateTokenRequest(
    [property: StringLength(ApiLimits.MaxEmailLength)] string? Email,
    [property: StringLength(ApiLimits.MaxPasswordLength)] string? Password,
    [property: StringLength(ApiLimits.MaxTitleLength)] string? Name,
    [property: StringLength(10)] string? Scope = null,
    DateTimeOffset? ExpiresAt = null,
    [property: StringLength(20)] string? Code = null,
    [property: StringLength(50)] string? RecoveryCode = null);
