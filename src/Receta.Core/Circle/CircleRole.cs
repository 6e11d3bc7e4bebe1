namespace Receta.Core.Circle;

/// <summary>A supporter's role in a goal's circle, from least to most power; each role may do all that the ones before it may.</summary>
public enum CircleRole
{
    /// <summary>Reads the goal.</summary>
    Viewer,

    /// <summary>Also cheers and comments.</summary>
    Cheerleader,

    /// <summary>Also suggests milestones.</summary>
    Mentor,

    /// <summary>Also edits everything.</summary>
    Partner,

    /// <summary>Also manages the circle and may delete the goal.</summary>
    Owner,
}
