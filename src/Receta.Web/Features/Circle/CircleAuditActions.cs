namespace Receta.Web.Features.Circle;

/// <summary>Audit actions of the support circle, recorded on the goal owner's log.</summary>
public static class CircleAuditActions
{
    public const string Invited = "circleInvited";
    public const string Joined = "circleJoined";
    public const string RoleChanged = "circleRoleChanged";
    public const string Removed = "circleRemoved";
}
