namespace Receta.Core.Progress;

/// <summary>One check of the forecast: the band predicted on a day for 28 days later, and what happened.</summary>
/// <param name="Date">The check date <c>q</c>.</param>
/// <param name="Low">The nearest-rank 10th percentile of the simulated values on <c>q + 28</c>, in the measure's unit.</param>
/// <param name="High">The nearest-rank 90th percentile of those values.</param>
/// <param name="Actual"><c>c(q + 28)</c>, the value reached.</param>
/// <param name="Covered">True when <paramref name="Actual"/> lies within the band, within the tolerance.</param>
public sealed record CalibrationCheck(DateOnly Date, double Low, double High, double Actual, bool Covered);
