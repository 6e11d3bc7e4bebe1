using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Data.Sharding;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Removes the caller's account, given its password: the account and everything of it (goals and
/// all under them, tokens, sessions, recovery codes, audit events) are deleted, so its tokens and
/// sessions stop working at once.
/// </summary>
public static partial class RemoveAccount
{
    public static async Task<Outcome<bool>> HandleAsync(
        CurrentUser caller, RemoveAccountRequest? request, SignIn signIn, UserManager<User> users, RecetaDbContext db, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(users);
        var confirmed = await signIn.ConfirmPasswordAsync(caller.Id, request?.Password, "password", "account removal");
        if (confirmed.Failure is { } failure)
        {
            return failure;
        }
        // Memberships in other people's circles are keyed by those goals' owners, not by this account.
        await db.CircleMembers.AcrossOwners("an account leaves every circle it is in, in other owners' shards")
            .Where(m => m.UserId == caller.Id).ExecuteDeleteAsync();
        var deleted = await users.DeleteAsync(confirmed.Value!);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException($"The account could not be removed: {string.Join(" ", deleted.Errors.Select(e => e.Code))}");
        }
        // Its routes lead nowhere now; after the account, so that a failed removal leaves every goal reachable.
        await db.IdRoutes.Where(r => r.OwnerId == caller.Id).ExecuteDeleteAsync();
        await db.SecretRoutes.Where(r => r.UserId == caller.Id).ExecuteDeleteAsync();
        // The account's audit events go with it; the log keeps the fact.
        LogRemoved(logger, caller.Id);
        return true;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapDelete("/me", async (CurrentUser caller, HttpContext http, [FromBody] RemoveAccountRequest? request, SignIn signIn,
                UserManager<User> users, RecetaDbContext db, ILoggerFactory loggers) =>
            {
                var outcome = await HandleAsync(caller, request, signIn, users, db, loggers.CreateLogger(typeof(RemoveAccount).FullName!));
                if (outcome.Succeeded && SessionCookie.IsCookieAuthenticated(http.User))
                {
                    await http.SignOutAsync(SessionCookie.SchemeName);
                }
                return outcome.ToNoContent();
            })
            .WithTags("Accounts")
            .Produces(StatusCodes.Status204NoContent)
            .WithDescription("Removes the account and everything it owns, confirmed with the password.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} removed at its owner's request")]
    private static partial void LogRemoved(ILogger logger, Guid userId);
}
