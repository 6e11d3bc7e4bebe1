using Receta.Core.Purpose;

namespace Receta.Contracts;

/// <summary>What a goal counts: from <c>start</c> to <c>target</c> in <c>unit</c>, entries combined by <c>aggregation</c>.</summary>
public sealed record MeasureResponse(string Unit, double Start, double Target, Aggregation Aggregation);
