using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Checks who is signing in, the same way for every way of signing in (a token, a browser session)
/// and for every change that asks for the password again. A wrong password and an unknown email
/// get the same answer and take as long; after <see cref="AccountLockout.MaxFailures"/> failures in
/// <see cref="AccountLockout.Window"/> the answer is 429 until the window passes, even to the right
/// password. An account with two-factor sign-in also needs a code or a recovery code.
/// </summary>
public sealed class SignIn(UserManager<User> users, AccountLockout lockout, TwoFactor twoFactor, AuditLog audit)
{
    public const string RateLimitPolicy = "sign-in";

    private static string? s_dummyHash;

    /// <summary>The credentials of a sign-in; <paramref name="Via"/> says how (e.g. "token", "session") for the audit log.</summary>
    public sealed record Credentials(string Email, string Password, string? Code, string? RecoveryCode, string Via);

    public async Task<Outcome<User>> CheckAsync(Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Password.Length > ApiLimits.MaxPasswordLength)
        {
            // No password that long was ever accepted, so it cannot be right: refused unhashed.
            return BadCredentials;
        }
        var user = await users.FindByEmailAsync(credentials.Email.Trim());
        if (user is null)
        {
            if (lockout.RetryAfterWithoutAccount(credentials.Email) is { } wait)
            {
                return new TooManyRequestsFailure(wait);
            }
            // Hash anyway, at the same cost, so that an unknown email answers no faster.
            users.PasswordHasher.VerifyHashedPassword(Nobody, DummyHash(), credentials.Password);
            lockout.RecordFailureWithoutAccount(credentials.Email);
            return BadCredentials;
        }
        if (await lockout.RetryAfterAsync(user.Id) is { } locked)
        {
            return new TooManyRequestsFailure(locked);
        }
        if (!await users.CheckPasswordAsync(user, credentials.Password))
        {
            await audit.RecordAsync(user.Id, AuditActions.SignInFailed, $"{credentials.Via}: wrong password");
            return BadCredentials;
        }
        if (!user.TwoFactorEnabled)
        {
            return user;
        }
        if (string.IsNullOrWhiteSpace(credentials.Code) && string.IsNullOrWhiteSpace(credentials.RecoveryCode))
        {
            return new SecondFactorRequiredFailure(
                "This account signs in with two factors: send 'code' from the authenticator app, or a 'recoveryCode'.");
        }
        if (!await twoFactor.VerifyAsync(user, credentials.Code, credentials.RecoveryCode))
        {
            await audit.RecordAsync(user.Id, AuditActions.SignInFailed, $"{credentials.Via}: wrong or used code");
            return new SecondFactorRequiredFailure("The code is not right, or was used already: send a new 'code' or an unused 'recoveryCode'.");
        }
        return user;
    }

    /// <summary>
    /// Asks a signed-in caller for the account's password again before a change that matters
    /// (password, two-factor, removal). A wrong one counts as a failed sign-in; it is 400 naming
    /// <paramref name="field"/>, since the caller is authenticated.
    /// </summary>
    public async Task<Outcome<User>> ConfirmPasswordAsync(Guid userId, string? password, string field, string purpose)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Failure.NotFound("account");
        }
        if (string.IsNullOrEmpty(password))
        {
            return Failure.Invalid(field, $"'{field}' is required.");
        }
        if (password.Length > ApiLimits.MaxPasswordLength)
        {
            return Failure.Invalid(field, "The password is not right.");
        }
        if (await lockout.RetryAfterAsync(user.Id) is { } locked)
        {
            return new TooManyRequestsFailure(locked);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await audit.RecordAsync(user.Id, AuditActions.SignInFailed, $"{purpose}: wrong password");
            return Failure.Invalid(field, "The password is not right.");
        }
        return user;
    }

    /// <summary>The two-factor alternative to <see cref="ConfirmPasswordAsync"/>: a code or a recovery code.</summary>
    public async Task<Outcome<User>> ConfirmCodeAsync(User user, string? code, string? recoveryCode, string purpose)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await lockout.RetryAfterAsync(user.Id) is { } locked)
        {
            return new TooManyRequestsFailure(locked);
        }
        if (!await twoFactor.VerifyAsync(user, code, recoveryCode))
        {
            await audit.RecordAsync(user.Id, AuditActions.SignInFailed, $"{purpose}: wrong or used code");
            return Failure.Invalid(string.IsNullOrWhiteSpace(code) ? "recoveryCode" : "code", "The code is not right, or was used already.");
        }
        return user;
    }

    /// <summary>
    /// Confirms a change to the two-factor sign-in of the caller's account (turning it off, new
    /// recovery codes) with the password, or else a current code or an unused recovery code (the one
    /// a person who lost the authenticator still has). 404 when the account has it off.
    /// </summary>
    public async Task<Outcome<User>> ConfirmSecondFactorChangeAsync(Guid userId, string? password, string? code, string? recoveryCode, string purpose)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !user.TwoFactorEnabled)
        {
            return Failure.NotFound("two-factor sign-in");
        }
        return !string.IsNullOrEmpty(password)
            ? await ConfirmPasswordAsync(user.Id, password, "password", purpose)
            : !string.IsNullOrWhiteSpace(code) || !string.IsNullOrWhiteSpace(recoveryCode)
                ? await ConfirmCodeAsync(user, code, recoveryCode, purpose)
                : Failure.Invalid("password", "Send the 'password', a 'code' or a 'recoveryCode'.");
    }

    private static Failure BadCredentials => new UnauthorizedFailure("The email or password is not right.");

    private static User Nobody => new() { DisplayName = "" };

    private string DummyHash() =>
        s_dummyHash ??= users.PasswordHasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}
