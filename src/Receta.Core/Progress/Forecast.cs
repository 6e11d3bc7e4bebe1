namespace Receta.Core.Progress;

/// <summary>
/// When the target may be reached, from a Monte Carlo simulation of recent daily changes.
/// A null date means the percentile falls on "not within 3,652 days" (or after 2999-12-31).
/// Invariant: P50 ≤ P90 when both are set, and P90 is null whenever P50 is.
/// </summary>
/// <param name="P50">Half of the simulated paths reach the target on or before this day.</param>
/// <param name="P90">Nine in ten simulated paths reach the target on or before this day.</param>
public sealed record Forecast(DateOnly? P50, DateOnly? P90);
