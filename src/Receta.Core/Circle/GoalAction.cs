namespace Receta.Core.Circle;

/// <summary>What someone may want to do with a goal, from least to most power.</summary>
public enum GoalAction
{
    /// <summary>Read the goal and everything under it.</summary>
    Read,

    /// <summary>Cheer or comment.</summary>
    Cheer,

    /// <summary>Suggest a milestone.</summary>
    Suggest,

    /// <summary>Edit everything.</summary>
    Edit,

    /// <summary>Manage the circle, delete the goal.</summary>
    Manage,
}
