using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>
/// Time off from a goal: the days <c>from</c> to <c>to</c>, both included, at most 366 days. The road waits, rates count
/// only active days and the schedule gives these days no capacity. The breaks of one goal never overlap.
/// </summary>
public sealed record BreakFields(
    DateOnly? From,
    DateOnly? To,
    [property: StringLength(ApiLimits.MaxTextLength)] string? Note = null);
