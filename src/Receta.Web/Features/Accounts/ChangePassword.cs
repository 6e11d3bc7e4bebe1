using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Changes the password, given the current one. Every personal access token of the account, every
/// other browser session and the calendar feed's address stop working at once (the session making
/// the change, if any, stays).
/// </summary>
public static class ChangePassword
{
    public static async Task<Outcome<bool>> HandleAsync(
        CurrentUser caller, Guid? sessionId, ChangePasswordRequest request, SignIn signIn, UserManager<User> users, RecetaDbContext db, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var errors = new RequestErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors.Add("currentPassword", "'currentPassword' is required.");
        }
        var account = await users.FindByIdAsync(caller.Id.ToString());
        if (account is null)
        {
            return Failure.NotFound("account");
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, request.NewPassword ?? "");
            foreach (var error in result.Errors)
            {
                errors.Add("newPassword", error.Description);
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var confirmed = await signIn.ConfirmPasswordAsync(caller.Id, request.CurrentPassword, "currentPassword", "password change");
        if (confirmed.Failure is { } failure)
        {
            return failure;
        }
        var user = confirmed.Value!;
        // Also a new security stamp, which Identity-based checks compare.
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            return Failure.Invalid("newPassword", string.Join(" ", changed.Errors.Select(e => e.Description)));
        }
        await db.AccessTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
        await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != sessionId).ExecuteDeleteAsync();
        // Whoever knew the old password may have made the calendar feed's address: it ends too.
        await db.CalendarFeeds.Where(f => f.UserId == user.Id).ExecuteDeleteAsync();
        await audit.RecordAsync(user.Id, AuditActions.PasswordChanged, "every token, other session and calendar feed ended");
        return true;
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/password", async (CurrentUser caller, HttpContext http, ChangePasswordRequest request, SignIn signIn,
                UserManager<User> users, RecetaDbContext db, AuditLog audit) =>
                (await HandleAsync(caller, SessionCookie.SessionId(http.User), request, signIn, users, db, audit)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Changes the password, confirmed with the current one; ends the account's other sessions, its tokens and its calendar feed address.");
}
