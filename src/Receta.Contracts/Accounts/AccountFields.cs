using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>The writable fields of one's own account (a merge patch of <c>PATCH /me</c>); <c>language</c> is <c>en</c>, <c>es</c> or null.</summary>
public sealed record AccountFields(
    [property: StringLength(ApiLimits.MaxTitleLength)] string? DisplayName,
    [property: StringLength(ApiLimits.MaxTitleLength)] string? TimeZone,
    [property: StringLength(10)] string? Language = null);
