using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>The writable fields of one's own account (a merge patch of <c>PATCH /me</c>).</summary>
public sealed record AccountFields(
    [property: StringLength(ApiLimits.MaxTitleLength)] string? DisplayName,
    [property: StringLength(ApiLimits.MaxTitleLength)] string? TimeZone);
