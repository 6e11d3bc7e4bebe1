using System.ComponentModel.DataAnnotations;
using Receta.Core.Purpose;

namespace Receta.Contracts;

/// <summary>A goal's measure as sent: <c>start</c> defaults to 0 and <c>aggregation</c> to <c>sum</c>.</summary>
public sealed record MeasureFields(
    [property: StringLength(ApiLimits.MaxTitleLength)] string? Unit,
    [property: Range(ApiLimits.MinNumber, ApiLimits.MaxMagnitude)] double? Start,
    [property: Range(ApiLimits.MinNumber, ApiLimits.MaxMagnitude)] double? Target,
    Aggregation? Aggregation);
