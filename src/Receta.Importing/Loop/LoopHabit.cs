namespace Receta.Importing.Loop;

internal enum LoopHabitType
{
    YesNo,
    Numerical,

    /// <summary>Exports before Loop 2.3.1 do not say; the values tell (<see cref="LoopGoals"/>).</summary>
    Unstated,
}

/// <summary>
/// A habit as either Loop export describes it, before it becomes a habit or a goal of Receta.
/// <see cref="Numerator"/> and <see cref="Denominator"/> are null when the source holds none that
/// could be read as a number; <see cref="TargetValue"/> is in real units (not × 1000) per
/// <see cref="Denominator"/> days. <see cref="Place"/> names where it was read, for messages.
/// </summary>
internal sealed record LoopHabit(
    string Key,
    string? Name,
    LoopHabitType Type,
    long? Numerator,
    long? Denominator,
    string? Unit,
    double TargetValue,
    string Place);

/// <summary>
/// One stored day of a habit in Loop's own encoding (formats.md §1): 2 YES_MANUAL, 1 YES_AUTO,
/// 0 NO, 3 SKIP, -1 UNKNOWN, or an amount × 1000 for a numerical habit. <see cref="Origin"/> is the
/// line (CSV) or row id (backup) it came from, for messages.
/// </summary>
internal readonly record struct LoopDay(DateOnly Date, long Value, string? Note, long Origin)
{
    public const long Unknown = -1;
    public const long No = 0;
    public const long YesAuto = 1;
    public const long YesManual = 2;
    public const long Skip = 3;

    public bool IsYesNoValue => Value is >= Unknown and <= Skip;
}
