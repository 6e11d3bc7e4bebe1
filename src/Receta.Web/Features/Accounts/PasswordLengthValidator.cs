using Microsoft.AspNetCore.Identity;
using Receta.Data.Accounts;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// Refuses passwords over 1,000 characters: a passphrase is welcome at any sane length, but every
/// sign-in hashes what it is sent, and an unbounded password makes that hashing a cost to inflict.
/// </summary>
public sealed class PasswordLengthValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(password is { Length: > ApiLimits.MaxPasswordLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"The password must be at most {ApiLimits.MaxPasswordLength} characters.",
            })
            : IdentityResult.Success);
}
