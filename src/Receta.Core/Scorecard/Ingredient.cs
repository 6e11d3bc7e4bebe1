namespace Receta.Core.Scorecard;

/// <summary>The six ingredients of the recipe, in recipe order.</summary>
public enum Ingredient
{
    /// <summary>Define your purpose: a title and a non-blank purpose.</summary>
    Purpose,

    /// <summary>Recognize how far you are: a measure, and an entry in the last 30 days.</summary>
    Distance,

    /// <summary>Draw yourself a roadmap: a target date and a milestone with a due date.</summary>
    Roadmap,

    /// <summary>Prepare yourself: a skill, or the goal needs no preparation.</summary>
    Preparation,

    /// <summary>Work hard: a work session or a habit check in the last 7 days.</summary>
    Work,

    /// <summary>Perseverance: every failure has its lesson, and the latest failure was tried again.</summary>
    Perseverance,
}
