namespace Receta.Core.Progress;

/// <summary>A point the road must pass: a milestone's due date and target value.</summary>
/// <param name="Date">The milestone's due date.</param>
/// <param name="Value">The milestone's target value, in the measure's unit.</param>
/// <param name="Sequence">Creation order: of several waypoints on one date, the last created counts.</param>
public readonly record struct Waypoint(DateOnly Date, double Value, long Sequence);
