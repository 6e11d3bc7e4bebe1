using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A new account. Passwords: at least 12 characters, not a common or guessable one; no composition rules.</summary>
public sealed record RegisterRequest(
    [property: StringLength(ApiLimits.MaxEmailLength)] string? Email,
    [property: StringLength(ApiLimits.MaxPasswordLength, MinimumLength = ApiLimits.MinPasswordLength)] string? Password,
    [property: StringLength(ApiLimits.MaxTitleLength)] string? DisplayName,
    [property: StringLength(ApiLimits.MaxTitleLength)] string? TimeZone);
