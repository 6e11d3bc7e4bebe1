namespace Receta.Web.Features.Circle;

public static class CircleEndpoints
{
    /// <summary>The circle of a goal (under <c>/goals/{goalId}</c>): members, cheers and suggestions.</summary>
    public static void MapCircle(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        InviteMember.Map(goal);
        ListCircle.Map(goal);
        UpdateMember.Map(goal);
        RemoveMember.Map(goal);
        Cheers.Map(goal);
        Suggestions.Map(goal);
    }

    /// <summary>The caller's invitations (under <c>/api/v1</c>).</summary>
    public static void MapInvitations(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        ListInvitations.Map(api);
        AcceptInvitation.Map(api);
    }
}
