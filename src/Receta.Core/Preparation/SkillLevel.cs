namespace Receta.Core.Preparation;

/// <summary>Where a person stands on one skill they need: levels 0 (none) to 5 (mastery).</summary>
/// <param name="Level">The current level, 0–5.</param>
/// <param name="TargetLevel">The level the goal needs, 0–5.</param>
/// <exception cref="ArgumentOutOfRangeException">A level is outside 0–5.</exception>
public sealed record SkillLevel(int Level, int TargetLevel)
{
    /// <summary>The lowest level.</summary>
    public const int Lowest = 0;

    /// <summary>The highest level.</summary>
    public const int Highest = 5;

    /// <summary>The current level, 0–5.</summary>
    public int Level { get; } = Guard(Level, nameof(Level));

    /// <summary>The level the goal needs, 0–5.</summary>
    public int TargetLevel { get; } = Guard(TargetLevel, nameof(TargetLevel));

    /// <summary>Levels still to gain: max(0, target − level).</summary>
    public int Gap => Math.Max(0, TargetLevel - Level);

    private static int Guard(int level, string name)
    {
        if (level is < Lowest or > Highest)
        {
            throw new ArgumentOutOfRangeException(name, level, "Skill levels are 0 to 5.");
        }
        return level;
    }
}
