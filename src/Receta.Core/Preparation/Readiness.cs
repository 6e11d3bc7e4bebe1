namespace Receta.Core.Preparation;

/// <summary>How prepared a person is for a goal: recipe.md §4.</summary>
public static class Readiness
{
    /// <summary>
    /// <c>100 · Σ min(level, target) / Σ target</c>, a percentage rounded to 0.1;
    /// 100 when no skill has a target above 0 (nothing to prepare).
    /// </summary>
    public static double Compute(IEnumerable<SkillLevel> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var reached = 0L;
        var needed = 0L;
        foreach (var skill in skills)
        {
            reached += Math.Min(skill.Level, skill.TargetLevel);
            needed += skill.TargetLevel;
        }
        return needed == 0 ? 100 : Rounding.ToTenth(100.0 * reached / needed);
    }
}
