using Receta.Data.Accounts;

namespace Receta.Web.Features.Accounts;

public static class AccountResponses
{
    public static AccountResponse From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email!, user.DisplayName, user.TimeZone, user.Language, user.Theme);
    }
}
