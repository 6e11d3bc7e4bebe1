using Microsoft.AspNetCore.Mvc;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Turns two-factor sign-in off, given the password, a current code or an unused recovery code:
/// the authenticator key and the recovery codes are deleted.
/// </summary>
public static class DisableTwoFactor
{
    public static async Task<Outcome<bool>> HandleAsync(
        CurrentUser caller, DisableTwoFactorRequest? request, SignIn signIn, TwoFactor twoFactor, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(twoFactor);
        ArgumentNullException.ThrowIfNull(audit);
        var confirmed = await signIn.ConfirmSecondFactorChangeAsync(caller.Id, request?.Password, request?.Code, request?.RecoveryCode, "two-factor removal");
        if (confirmed.Failure is { } failure)
        {
            return failure;
        }
        await twoFactor.DisableAsync(confirmed.Value!);
        await audit.RecordAsync(caller.Id, AuditActions.TwoFactorDisabled);
        return true;
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapDelete("/2fa", async (CurrentUser caller, [FromBody] DisableTwoFactorRequest? request, SignIn signIn, TwoFactor twoFactor, AuditLog audit) =>
                (await HandleAsync(caller, request, signIn, twoFactor, audit)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Turns two-factor sign-in off, confirmed with the password and a code or recovery code.");
}
