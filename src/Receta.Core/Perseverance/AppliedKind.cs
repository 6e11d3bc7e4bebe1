namespace Receta.Core.Perseverance;

/// <summary>What an attempt's lesson became: a skill to prepare or a milestone on the roadmap.</summary>
public enum AppliedKind
{
    /// <summary>A skill of the goal (ingredient 4).</summary>
    Skill,

    /// <summary>A milestone of the goal's roadmap (ingredient 3).</summary>
    Milestone,
}
