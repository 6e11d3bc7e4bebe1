using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Checks an email and password the same way for every way of signing in. The answer to a wrong
/// password and to an unknown email is the same, and takes as long; after too many failures the
/// account answers 429 until its lockout ends, even to the right password.
/// </summary>
public static class SignIn
{
    public const string RateLimitPolicy = "sign-in";
    private static readonly Lazy<string> DummyHash =
        new(() => new PasswordHasher<User>().HashPassword(new User { DisplayName = "" }, Guid.NewGuid().ToString()));

    public static async Task<Outcome<User>> CheckPasswordAsync(UserManager<User> users, TimeProvider clock, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(clock);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new User { DisplayName = "" }, DummyHash.Value, password);
            return BadCredentials;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return LockedOut(user, clock);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return BadCredentials;
        }
        await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    private static Failure BadCredentials => new UnauthorizedFailure("The email or password is not right.");

    private static TooManyRequestsFailure LockedOut(User user, TimeProvider clock) =>
        new((user.LockoutEnd ?? DateTimeOffset.MinValue) - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero
            ? wait
            : TimeSpan.FromSeconds(1));
}
