using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Ten new recovery codes for an account with two-factor sign-in, for one who has used or lost the
/// old ones: the old ones stop working at once, the new ones are shown this once.
/// </summary>
public static class NewRecoveryCodes
{
    public static async Task<Outcome<RecoveryCodesResponse>> HandleAsync(
        CurrentUser caller, NewRecoveryCodesRequest? request, SignIn signIn, TwoFactor twoFactor, AuditLog audit, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(twoFactor);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(db);
        var confirmed = await signIn.ConfirmSecondFactorChangeAsync(caller.Id, request?.Password, request?.Code, request?.RecoveryCode, "new recovery codes");
        if (confirmed.Failure is { } failure)
        {
            return failure;
        }
        // The old codes go and the new ones come in one transaction: never an account left with none.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var codes = await twoFactor.ReplaceRecoveryCodesAsync(confirmed.Value!);
        await audit.RecordAsync(caller.Id, AuditActions.RecoveryCodesReplaced);
        await transaction.CommitAsync();
        return new RecoveryCodesResponse(codes);
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/2fa/recovery-codes", async (CurrentUser caller, NewRecoveryCodesRequest? request, SignIn signIn, TwoFactor twoFactor, AuditLog audit, RecetaDbContext db) =>
                (await HandleAsync(caller, request, signIn, twoFactor, audit, db)).ToOk())
            .Produces<RecoveryCodesResponse>()
            .WithDescription("Replaces the account's recovery codes with 10 new ones, shown this once; the old ones stop working. Confirmed with the password, a code or an unused recovery code.");
}
