using Receta.Core.Circle;
using Receta.Data.Circle;

namespace Receta.Web.Features.Circle;

/// <summary>A person in the circle; <c>displayName</c> is null until they accept.</summary>
public sealed record MemberResponse(Guid Id, string Email, string? DisplayName, CircleRole Role, MemberStatus Status)
{
    public static MemberResponse From(CircleMember member, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Id, member.Email, displayName, member.Role, member.Status);
    }
}

/// <summary>An invitation as its sender sees it: where the invited person accepts it.</summary>
public sealed record InvitationResponse(Guid Id, Guid GoalId, string Email, CircleRole Role, MemberStatus Status, Uri AcceptUrl);
