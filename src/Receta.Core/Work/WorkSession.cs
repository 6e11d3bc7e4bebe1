namespace Receta.Core.Work;

/// <summary>Time worked toward a goal on one day.</summary>
/// <param name="Date">The day worked.</param>
/// <param name="Minutes">Minutes worked, 1 to 1,440.</param>
/// <exception cref="ArgumentOutOfRangeException">Minutes outside 1–1,440.</exception>
public readonly record struct WorkSession(DateOnly Date, int Minutes)
{
    /// <summary>The most minutes one session can hold: a whole day.</summary>
    public const int MostMinutes = 1_440;

    /// <summary>Minutes worked, 1 to 1,440.</summary>
    public int Minutes { get; } = Minutes is >= 1 and <= MostMinutes
        ? Minutes
        : throw new ArgumentOutOfRangeException(nameof(Minutes), Minutes, "A work session lasts 1 to 1,440 minutes.");
}
