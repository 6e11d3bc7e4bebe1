using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>Turns two-factor sign-in off: the password and a code (or a recovery code).</summary>
public sealed record DisableTwoFactorRequest(
    [property: StringLength(ApiLimits.MaxPasswordLength)] string? Password,
    [property: StringLength(20)] string? Code = null,
    [property: StringLength(50)] string? RecoveryCode = null);
