namespace Receta.Core.Purpose;

/// <summary>The status the user gives a goal. Progress never changes it.</summary>
public enum GoalStatus
{
    /// <summary>Being pursued.</summary>
    Active,

    /// <summary>Set aside for now.</summary>
    Paused,

    /// <summary>Reached, as the user says.</summary>
    Achieved,

    /// <summary>Given up.</summary>
    Abandoned,
}
