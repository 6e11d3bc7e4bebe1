using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A word of encouragement.</summary>
public sealed record CheerRequest([property: StringLength(ApiLimits.MaxTextLength, MinimumLength = 1)] string? Message);
