namespace Receta.Contracts;

/// <summary>
/// How good the forecast has been: at up to 26 past check dates, whether the forecast's 80 % band for 28 days later
/// held the value reached. <c>coverage</c> is <c>covered / evaluated</c>, null when nothing was evaluated.
/// </summary>
public sealed record CalibrationResponse(DateOnly AsOf, int Evaluated, int Covered, double? Coverage, IReadOnlyList<CalibrationItem> Items);
