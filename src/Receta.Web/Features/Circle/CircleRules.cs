using Receta.Core.Circle;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Circle;

public static class CircleRules
{
    /// <summary>Emails are compared as Identity compares account emails: trimmed, upper invariant.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    /// <summary>A role a member can hold: any but owner.</summary>
    public static CircleRole MemberRole(CircleRole? role, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (role is not { } value)
        {
            errors.Add("role", "'role' is required.");
            return CircleRole.Viewer;
        }
        if (value == CircleRole.Owner)
        {
            errors.Add("role", "'role' must be viewer, cheerleader, mentor or partner; a goal has one owner.");
        }
        return value;
    }

    /// <summary>
    /// Where an invitation is accepted: its web page (which asks the person to sign in first), on the
    /// configured public address (never the request's Host header). A link opened from an email is a
    /// GET; accepting is the page's form post, so a mail scanner following the link accepts nothing.
    /// </summary>
    public static Uri AcceptUrl(IConfiguration configuration, Guid invitationId)
    {
        return PublicUrls.Of(configuration, $"invitations/{invitationId}");
    }
}
