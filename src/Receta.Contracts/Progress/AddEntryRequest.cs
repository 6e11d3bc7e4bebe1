using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>Where the measure stood (or what was added) on a day; <c>value</c> may be left out of a <c>count</c> measure.</summary>
public sealed record AddEntryRequest(
    DateOnly? Date,
    [property: Range(ApiLimits.MinNumber, ApiLimits.MaxMagnitude)] double? Value,
    [property: StringLength(ApiLimits.MaxTextLength)] string? Note = null);
