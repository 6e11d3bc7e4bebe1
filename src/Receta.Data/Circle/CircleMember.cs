using Receta.Core.Circle;
using Receta.Data.Goals;

namespace Receta.Data.Circle;

/// <summary>
/// A person in a goal's support circle: invited by email with a role, and a member once the
/// account with that email accepts. Keyed by the goal's owner, like everything under a goal.
/// </summary>
public sealed class CircleMember : IGoalChild
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public required string Email { get; set; }

    /// <summary>The email as compared: trimmed and upper-cased, as Identity normalizes account emails.</summary>
    public required string NormalizedEmail { get; set; }

    public CircleRole Role { get; set; }
    public MemberStatus Status { get; set; }

    /// <summary>The account that accepted; null while invited.</summary>
    public Guid? UserId { get; set; }

    /// <summary>
    /// Where the goal stands in the member's list of goals: taken from the member's goal sequence on
    /// accepting, so own and shared goals list in the order they came.
    /// </summary>
    public long? ListSequence { get; set; }

    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
