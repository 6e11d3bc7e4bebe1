namespace Receta.Core.Circle;

/// <summary>Who in a goal's circle may do what: the table of "The support circle" in recipe.md.</summary>
public static class CirclePolicy
{
    /// <summary>The least powerful role allowed to do <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The action is not defined.</exception>
    public static CircleRole LeastRoleFor(GoalAction action) => action switch
    {
        GoalAction.Read => CircleRole.Viewer,
        GoalAction.Cheer => CircleRole.Cheerleader,
        GoalAction.Suggest => CircleRole.Mentor,
        GoalAction.Edit => CircleRole.Partner,
        GoalAction.Manage => CircleRole.Owner,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown goal action."),
    };

    /// <summary>Whether <paramref name="role"/> may do <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The role or action is not defined.</exception>
    public static bool Allows(CircleRole role, GoalAction action)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown circle role.");
        }
        return role >= LeastRoleFor(action);
    }
}
