namespace Receta.Core.Purpose;

/// <summary>How a measure's entries make its current value.</summary>
public enum Aggregation
{
    /// <summary>Entries are increments: current = start + Σ values.</summary>
    Sum,

    /// <summary>Entries are readings: current = the latest entry's value (latest date, then latest created), or start with none.</summary>
    Last,

    /// <summary>current = the best of start and every value: the largest when doing more, the smallest when doing less.</summary>
    Best,

    /// <summary>Each entry counts one, whatever its value: current = start + number of entries.</summary>
    Count,
}
