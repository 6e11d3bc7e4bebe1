using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>A milestone a mentor suggests.</summary>
public sealed record SuggestionRequest([property: StringLength(ApiLimits.MaxTitleLength, MinimumLength = 1)] string? Title, DateOnly? DueDate = null);
