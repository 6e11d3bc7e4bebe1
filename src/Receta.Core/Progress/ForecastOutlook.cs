namespace Receta.Core.Progress;

/// <summary>What one Monte Carlo simulation of a goal says: when it may arrive, and the odds of arriving on time.</summary>
/// <param name="Forecast">The P50 and P90 completion dates.</param>
/// <param name="OnTimeFraction">
/// The fraction of the simulated paths that reach the target on or before the target date, a multiple of 1/2,000;
/// 0 when the target date is not after the as-of day; null when no target date was given.
/// </param>
public sealed record ForecastOutlook(Forecast Forecast, double? OnTimeFraction);
