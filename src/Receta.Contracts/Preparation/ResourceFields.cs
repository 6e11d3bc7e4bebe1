using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A book, course or person that prepares for a skill; <c>url</c> is http or https.</summary>
public sealed record ResourceFields(
    [property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Title,
    [property: StringLength(ApiLimits.MaxUrlLength)] string? Url = null,
    bool? Done = null);
