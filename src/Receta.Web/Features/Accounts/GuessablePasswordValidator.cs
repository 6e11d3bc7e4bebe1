using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Refuses the guessable passwords that no list can hold in full (NIST SP 800-63B's blocklist
/// categories besides breached passwords): one short part repeated, a run of consecutive characters
/// or keys, and passwords built from the account's own email or name or from the app's name.
/// Compared without case, ignoring surrounding whitespace. A passphrase that merely contains a
/// common word is left alone: the 12-character minimum already makes it long.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<User>
{
    /// <summary>Characters a password may add around the display name and still count as the name.</summary>
    private const int FewAddedCharacters = 6;

    private const int ShortestEmailPart = 4;

    private const string AppName = "receta";

    /// <summary>
    /// Orders in which people type "consecutive" characters: the alphabet, the digits, and keyboard
    /// rows walked one after another (QWERTY, QWERTZ, AZERTY). Each wraps round, and each is also
    /// walked backwards.
    /// </summary>
    private static readonly string[] Runs =
    [
        "abcdefghijklmnopqrstuvwxyz",
        "0123456789",
        "1234567890qwertyuiopasdfghjklzxcvbnm",
        "1234567890qwertzuiopasdfghjklyxcvbnm",
        "1234567890azertyuiopqsdfghjklmwxcvbn",
        "`1234567890-=",
        "~!@#$%^&*()_+",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var candidate = (password ?? "").Trim().ToLowerInvariant();
        if (candidate.Length < 2)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var errors = new List<IdentityError>();
        if (IsRepeated(candidate))
        {
            errors.Add(new IdentityError
            {
                Code = "RepeatedPassword",
                Description = "This password is one short part repeated; choose a less guessable one.",
            });
        }
        if (IsRun(candidate))
        {
            errors.Add(new IdentityError
            {
                Code = "SequentialPassword",
                Description = "This password is a run of consecutive characters or keyboard keys; choose a less guessable one.",
            });
        }
        if (ContainsEmail(candidate, user.Email))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordContainsEmail",
                Description = "This password contains your email address; choose one that does not.",
            });
        }
        if (IsWordWithLittleAdded(candidate, user.DisplayName, FewAddedCharacters))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordIsDisplayName",
                Description = "This password is your name with little added; choose a less guessable one.",
            });
        }
        if (IsWordWithLittleAdded(candidate, AppName, int.MaxValue))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordIsAppName",
                Description = "This password is the app's name with only digits or symbols added; choose a less guessable one.",
            });
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>
    /// Whether the text is a part of at most half its length written again and again (the last copy
    /// may be cut short): its smallest period, from the prefix function, is at most half its length.
    /// </summary>
    private static bool IsRepeated(string text)
    {
        var border = new int[text.Length];
        for (var i = 1; i < text.Length; i++)
        {
            var k = border[i - 1];
            while (k > 0 && text[i] != text[k])
            {
                k = border[k - 1];
            }
            border[i] = text[i] == text[k] ? k + 1 : k;
        }
        var period = text.Length - border[^1];
        return period * 2 <= text.Length;
    }

    private static bool IsRun(string text)
    {
        foreach (var run in Runs)
        {
            // Enough copies that any stretch of the text's length, wrapping round, appears whole.
            var copies = (text.Length / run.Length) + 2;
            var forwards = string.Concat(Enumerable.Repeat(run, copies));
            var backwards = new string([.. forwards.Reverse()]);
            if (forwards.Contains(text, StringComparison.Ordinal) || backwards.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsEmail(string text, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }
        var address = email.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        var localPart = at > 0 ? address[..at] : address;
        return text.Contains(address, StringComparison.Ordinal)
            || (localPart.Length >= ShortestEmailPart && text.Contains(localPart, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the text is the word (whitespace inside both ignored) with only digits, symbols or
    /// spaces around it, at most <paramref name="mostAdded"/> of them.
    /// </summary>
    private static bool IsWordWithLittleAdded(string text, string? word, int mostAdded)
    {
        var bare = WithoutWhitespace(word?.ToLowerInvariant() ?? "");
        if (bare.Length == 0)
        {
            return false;
        }
        var compact = WithoutWhitespace(text);
        var at = compact.IndexOf(bare, StringComparison.Ordinal);
        while (at >= 0)
        {
            var added = compact.Length - bare.Length;
            var around = compact[..at] + compact[(at + bare.Length)..];
            if (added <= mostAdded && !around.Any(char.IsLetter))
            {
                return true;
            }
            at = compact.IndexOf(bare, at + 1, StringComparison.Ordinal);
        }
        return false;
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
