using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Turns two-factor sign-in on with a code from the authenticator set up by
/// <see cref="StartTwoFactor"/>, and answers the account's 10 recovery codes: shown this once,
/// stored only as hashes.
/// </summary>
public static class ConfirmTwoFactor
{
    public static async Task<Outcome<RecoveryCodesResponse>> HandleAsync(CurrentUser caller, ConfirmTwoFactorRequest request, UserManager<User> users, TwoFactor twoFactor, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(twoFactor);
        ArgumentNullException.ThrowIfNull(audit);
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return Failure.Invalid("code", "'code' is required.");
        }
        var user = await users.FindByIdAsync(caller.Id.ToString());
        if (user is null)
        {
            return Failure.NotFound("account");
        }
        if (user.TwoFactorEnabled)
        {
            return Failure.Conflict("Two-factor sign-in is already on.");
        }
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            return Failure.Conflict("There is no authenticator to confirm: start with POST /api/v1/me/2fa.");
        }
        if (!await twoFactor.VerifyCodeAsync(user, request.Code))
        {
            return Failure.Invalid("code", "The code is not right, or was used already.");
        }
        var codes = await twoFactor.ReplaceRecoveryCodesAsync(user);
        audit.Add(user.Id, AuditActions.TwoFactorEnabled);
        // Saves the flag, the recovery codes and the audit event together.
        await users.SetTwoFactorEnabledAsync(user, true);
        return new RecoveryCodesResponse(codes);
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/2fa/confirm", async (CurrentUser caller, ConfirmTwoFactorRequest request, UserManager<User> users, TwoFactor twoFactor, AuditLog audit) =>
                (await HandleAsync(caller, request, users, twoFactor, audit)).ToOk())
            .Produces<RecoveryCodesResponse>()
            .WithDescription("Turns two-factor sign-in on with a code from the authenticator; answers the recovery codes, shown this once.");
}
