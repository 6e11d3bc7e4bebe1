namespace Receta.Contracts;

/// <summary>One check: the band predicted on <c>date</c> for 28 days later (10th to 90th percentile), and the value reached.</summary>
public sealed record CalibrationItem(DateOnly Date, double Low, double High, double Actual, bool Covered);
