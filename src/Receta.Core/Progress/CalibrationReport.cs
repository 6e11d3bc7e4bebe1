namespace Receta.Core.Progress;

/// <summary>How often the forecast's 80 % band held the value actually reached 28 days later.</summary>
/// <param name="AsOf">The day the calibration is computed for.</param>
/// <param name="Evaluated">The number of check dates looked at, 0 to 26.</param>
/// <param name="Covered">How many of them the band held.</param>
/// <param name="Coverage"><paramref name="Covered"/> / <paramref name="Evaluated"/>, unrounded; null when nothing was evaluated.</param>
/// <param name="Items">The checks, oldest first.</param>
public sealed record CalibrationReport(DateOnly AsOf, int Evaluated, int Covered, double? Coverage, IReadOnlyList<CalibrationCheck> Items);
