using Microsoft.AspNetCore.Identity;
using Receta.Data;
using Receta.Data.Accounts;

namespace Receta.Web.Features.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity for accounts, with the rules the defaults miss: passwords of at least
    /// 12 characters (and at most 1,000) with no composition rules but no common or guessable ones, PBKDF2 at 210,000 iterations
    /// (older hashes are re-hashed on the next sign-in). Identity's own lockout is off: it reads
    /// the system clock and never forgets old failures; <see cref="AccountLockout"/> counts the
    /// failures of the last 15 minutes instead.
    /// </summary>
    public static IServiceCollection AddRecetaAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<User>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = "";
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<RecetaDbContext>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<GuessablePasswordValidator>();
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.AddScoped<AccountLockout>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<SignIn>();
        return services;
    }
}
