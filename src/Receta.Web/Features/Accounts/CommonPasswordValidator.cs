using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Refuses passwords found in lists of commonly used (breached) passwords, compared without case.
/// The shipped list holds only entries of 12 characters or more: shorter ones are refused anyway.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(password is not null && Common.Value.Contains(password.Trim())
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too commonly used; choose a less guessable one.",
            })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Receta.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
