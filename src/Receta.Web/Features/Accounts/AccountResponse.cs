using Receta.Data.Accounts;

namespace Receta.Web.Features.Accounts;

public sealed record AccountResponse(Guid Id, string Email, string DisplayName, string TimeZone)
{
    public static AccountResponse From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email!, user.DisplayName, user.TimeZone);
    }
}
