using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// The second factor: RFC 6238 codes (6 digits, 30-second steps, one step of clock drift either way)
/// from the authenticator key Identity keeps in UserTokens, each time step accepted once; and
/// single-use recovery codes of 125 random bits, stored as SHA-256 hashes only.
/// </summary>
public sealed class TwoFactor(UserManager<User> users, RecetaDbContext db, TimeProvider clock, AuditLog audit)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "Receta";

    // 32 letters and digits without the look-alikes 0, 1, l and o: 5 bits a character.
    private const string RecoveryAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int RecoveryCodeLength = 25;

    // Identity's own names for the authenticator key in UserTokens (UserStoreBase's constants are internal).
    private const string KeyProvider = "[AspNetUserStore]";
    private const string KeyName = "AuthenticatorKey";

    /// <summary>A code or a recovery code, whichever is given (a code first).</summary>
    public async Task<bool> VerifyAsync(User user, string? code, string? recoveryCode) =>
        !string.IsNullOrWhiteSpace(code) ? await VerifyCodeAsync(user, code)
        : !string.IsNullOrWhiteSpace(recoveryCode) && await UseRecoveryCodeAsync(user, recoveryCode);

    /// <summary>
    /// True when <paramref name="code"/> is the current code of the account's authenticator key (or
    /// of one step before or after) and that step has not been accepted before; the step is then spent.
    /// </summary>
    public async Task<bool> VerifyCodeAsync(User user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var digits = string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            return false;
        }
        // Spend the step atomically, so that a code seen once (shoulder, log, replay) is worth nothing.
        var spent = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, step));
        if (spent == 0)
        {
            return false;
        }
        // The row has the step already: keep the tracked account in step without marking it changed.
        user.LastTotpTimeStep = step;
        if (db.Entry(user) is { State: not EntityState.Detached } entry)
        {
            entry.Property(u => u.LastTotpTimeStep).OriginalValue = step;
        }
        return true;
    }

    /// <summary>True when <paramref name="recoveryCode"/> is one of the account's unused recovery codes; it is then used up.</summary>
    public async Task<bool> UseRecoveryCodeAsync(User user, string recoveryCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        var hash = HashRecoveryCode(recoveryCode);
        var unused = await db.RecoveryCodes.AsNoTracking()
            .Where(c => c.UserId == user.Id && c.UsedAt == null)
            .Select(c => new { c.Id, c.CodeHash })
            .ToListAsync();
        var match = unused.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(c.CodeHash, hash));
        if (match is null)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var used = await db.RecoveryCodes
            .Where(c => c.UserId == user.Id && c.Id == match.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now));
        if (used == 0)
        {
            return false;
        }
        await audit.RecordAsync(user.Id, AuditActions.RecoveryCodeUsed,
            string.Create(CultureInfo.InvariantCulture, $"{unused.Count - 1} recovery codes left"));
        return true;
    }

    /// <summary>A new authenticator key (replacing any unconfirmed one) and its <c>otpauth://</c> URI.</summary>
    public async Task<(string Key, string Uri)> NewAuthenticatorKeyAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reset = await users.ResetAuthenticatorKeyAsync(user);
        if (!reset.Succeeded || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            throw new InvalidOperationException("The authenticator key could not be stored.");
        }
        return (key, AuthenticatorUri(key, user.Email!));
    }

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads (typed, or scanned as a QR code).</summary>
    public static string AuthenticatorUri(string key, string email)
    {
        var label = Uri.EscapeDataString($"{Issuer}:{email}");
        return $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";
    }

    /// <summary>Replaces the account's recovery codes with new ones, staged on the context; the codes are shown once.</summary>
    public async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
        var now = clock.GetUtcNow();
        var codes = new List<string>(RecoveryCodeCount);
        for (var i = 0; i < RecoveryCodeCount; i++)
        {
            var raw = RandomNumberGenerator.GetString(RecoveryAlphabet, RecoveryCodeLength);
            var code = string.Join('-', raw.Chunk(5).Select(chunk => new string(chunk)));
            codes.Add(code);
            db.RecoveryCodes.Add(new RecoveryCode { UserId = user.Id, Id = Guid.CreateVersion7(now), CodeHash = HashRecoveryCode(code) });
        }
        return codes;
    }

    /// <summary>Turns two-factor sign-in off: the key, the recovery codes and the flag go.</summary>
    public async Task DisableAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
        await users.RemoveAuthenticationTokenAsync(user, KeyProvider, KeyName);
        await users.SetTwoFactorEnabledAsync(user, false);
    }

    /// <summary>Recovery codes compare without case, dashes or spaces.</summary>
    public static byte[] HashRecoveryCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = string.Concat(code.Where(c => c != '-' && !char.IsWhiteSpace(c))).ToLowerInvariant();
        return SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
    }
}
