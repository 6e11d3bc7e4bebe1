using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// The writable fields of one's own account (a merge patch of <c>PATCH /me</c>): <c>language</c> is
/// <c>en</c>, <c>es</c>, <c>pt-BR</c> or null; <c>theme</c> is <c>light</c>, <c>dark</c> or null (the device's).
/// </summary>
public sealed record AccountFields(
    [property: StringLength(ApiLimits.MaxTitleLength)] string? DisplayName,
    [property: StringLength(ApiLimits.MaxTitleLength)] string? TimeZone,
    [property: StringLength(10)] string? Language = null,
    [property: StringLength(10)] string? Theme = null);
