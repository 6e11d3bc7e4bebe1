using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Begins turning on two-factor sign-in, given the password: a new authenticator key and its
/// <c>otpauth://</c> URI (for a QR code). Nothing changes for sign-in until
/// <see cref="ConfirmTwoFactor"/> proves the app shows the right codes.
/// </summary>
public static class StartTwoFactor
{
    public static async Task<Outcome<TwoFactorSetupResponse>> HandleAsync(CurrentUser caller, StartTwoFactorRequest request, SignIn signIn, TwoFactor twoFactor)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(twoFactor);
        var confirmed = await signIn.ConfirmPasswordAsync(caller.Id, request.Password, "password", "two-factor setup");
        if (confirmed.Failure is { } failure)
        {
            return failure;
        }
        if (confirmed.Value!.TwoFactorEnabled)
        {
            return Failure.Conflict("Two-factor sign-in is already on; turn it off first to change the authenticator.");
        }
        var (key, uri) = await twoFactor.NewAuthenticatorKeyAsync(confirmed.Value);
        return new TwoFactorSetupResponse(key, uri);
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/2fa", async (CurrentUser caller, StartTwoFactorRequest request, SignIn signIn, TwoFactor twoFactor) =>
                (await HandleAsync(caller, request, signIn, twoFactor)).ToOk())
            .Produces<TwoFactorSetupResponse>()
            .WithDescription("Starts two-factor setup: the authenticator key, as text and as an otpauth address.");
}
