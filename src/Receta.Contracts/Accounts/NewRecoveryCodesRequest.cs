using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>Replaces the recovery codes: confirmed with the password, a code or an unused recovery code.</summary>
public sealed record NewRecoveryCodesRequest(
    [property: StringLength(ApiLimits.MaxPasswordLength)] string? Password,
    [property: StringLength(20)] string? Code = null,
    [property: StringLength(50)] string? RecoveryCode = null);
