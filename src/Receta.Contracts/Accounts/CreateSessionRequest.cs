using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A browser sign-in: the session cookie is set on success.</summary>
public sealed record CreateSessionRequest(
    [property: StringLength(ApiLimits.MaxEmailLength)] string? Email,
    [property: StringLength(ApiLimits.MaxPasswordLength)] string? Password,
    [property: StringLength(20)] string? Code = null,
    [property: StringLength(50)] string? RecoveryCode = null);
