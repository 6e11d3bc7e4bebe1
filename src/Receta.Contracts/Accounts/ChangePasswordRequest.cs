using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A new password, confirmed with the current one.</summary>
public sealed record ChangePasswordRequest(
    [property: StringLength(ApiLimits.MaxPasswordLength)] string? CurrentPassword,
    [property: StringLength(ApiLimits.MaxPasswordLength, MinimumLength = ApiLimits.MinPasswordLength)] string? NewPassword);
