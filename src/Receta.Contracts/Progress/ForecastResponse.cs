namespace Receta.Contracts;

/// <summary>When the target may be reached: half of the simulated paths by <c>p50</c>, nine in ten by <c>p90</c> (null: not within ten years).</summary>
public sealed record ForecastResponse(DateOnly? P50, DateOnly? P90);
