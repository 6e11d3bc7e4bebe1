namespace Receta.Core.Progress;

/// <summary>One entry of a measure: a reading or an increment on a day.</summary>
/// <param name="Date">The day it counts from; entries may predate the goal's start.</param>
/// <param name="Value">
/// The value in the measure's unit, added as given for a sum (null counts 0), the reading for
/// last and best (null entries are skipped), ignored for count.
/// </param>
/// <param name="Sequence">Creation order within the goal: orders same-date entries.</param>
public readonly record struct MeasureEntry(DateOnly Date, double? Value, long Sequence);
