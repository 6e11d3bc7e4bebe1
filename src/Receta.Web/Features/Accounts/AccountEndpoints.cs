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
        CreateSession.Map(auth);
        GetSession.Map(auth);
        EndSession.Map(auth);
        GetAntiforgeryToken.Map(auth);

        MyAccount.Map(api);
        RemoveAccount.Map(api);
        var me = api.MapGroup("/me").WithTags("Accounts");
        ChangePassword.Map(me);
        StartTwoFactor.Map(me);
        ConfirmTwoFactor.Map(me);
        DisableTwoFactor.Map(me);
        NewRecoveryCodes.Map(me);
    }
}
