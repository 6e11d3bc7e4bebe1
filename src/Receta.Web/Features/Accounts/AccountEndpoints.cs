namespace Receta.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static void MapAccounts(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        Register.Map(auth);
        CreateToken.Map(auth);
        ListTokens.Map(auth);
        RevokeToken.Map(auth);
        MyAccount.Map(api);
    }
}
