using Receta.Data.Circle;

namespace Receta.Web.Features.Circle;

public static class MemberResponses
{
    public static MemberResponse From(CircleMember member, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Id, member.Email, displayName, member.Role, member.Status);
    }
}
