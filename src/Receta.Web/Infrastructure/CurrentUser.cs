using System.Reflection;
using System.Security.Claims;

namespace Receta.Web.Infrastructure;

/// <summary>The authenticated caller, bound as a handler parameter; "today" is in the caller's time zone.</summary>
public sealed record CurrentUser(Guid Id, bool CanWrite, TimeZoneInfo TimeZone, DateOnly Today)
{
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(From(context));
    }

    public static CurrentUser? From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<CurrentUser>() is { } known)
        {
            return known;
        }
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.UserId), out var id))
        {
            return null;
        }
        var zone = UserTimeZones.FindOrUtc(principal.FindFirstValue(ClaimNames.TimeZone));
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var user = new CurrentUser(
            id,
            principal.FindFirstValue(ClaimNames.Scope) != "read",
            zone,
            UserTimeZones.Today(clock, zone));
        context.Features.Set(user);
        return user;
    }
}
