using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Demo;

public static partial class DemoSeeding
{
    /// <summary>The English demo's sign-in, the one the app has always had.</summary>
    public const string Email = "demo@receta.example";
    public const string Password = "apollo-17-dreamer";

    /// <summary>
    /// The demo's sign-in in each language the app offers, by culture name (<see cref="Localization.SupportedCultures"/>):
    /// each holds José's journey in its language, behind <see cref="Password"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Accounts = Localization.SupportedCultures.ToDictionary(
        c => c.Name,
        c => c.Name == Localization.DefaultCulture.Name ? Email : $"demo.{c.TwoLetterISOLanguageName}@receta.example",
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The demo's sign-in for someone reading <paramref name="culture"/>: the closest language's
    /// (es-MX reads the Spanish one); the English one for a language the app does not offer.
    /// </summary>
    public static string EmailFor(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Localization.Closest(culture.Name) is { } supported ? Accounts[supported.Name] : Email;
    }

    /// <summary>
    /// With <c>Receta:Demo</c> on (the default), an empty database gets a demo account per language the app
    /// offers, each holding José Hernández's journey in its language, and their sign-ins are printed. Never
    /// touches a database that has accounts.
    /// Nodes starting together run it under <see cref="DatabaseStartup.LockDatabaseForStartupAsync"/>: one of them seeds.
    /// </summary>
    public static async Task SeedDemoAsync(this IServiceProvider services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue("Receta:Demo", defaultValue: true))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Receta.Demo");
        if (!await db.Users.AnyAsync())
        {
            // The accounts and their journeys together or not at all: a start that dies half-way leaves
            // an empty database, which the next start seeds, never an account without its journey.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var texts = scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>();
            foreach (var culture in Localization.SupportedCultures)
            {
                var email = Accounts[culture.Name];
                var user = new User
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    UserName = email,
                    Email = email,
                    DisplayName = "José Hernández",
                    TimeZone = "America/Los_Angeles",
                    // The English demo names no language, as it always has: it reads in the browser's.
                    Language = culture.Name == Localization.DefaultCulture.Name ? null : culture.Name,
                    CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"The demo account {email} could not be created: "
                        + string.Join(" ", created.Errors.Select(e => e.Description)));
                }
                JoseJourney.AddTo(db, user, clock.GetUtcNow(), texts, culture);
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        var demoEmails = Accounts.Values.ToList();
        var seeded = await db.Users.Where(u => u.Email != null && demoEmails.Contains(u.Email)).Select(u => u.Email!).ToListAsync();
        if (seeded.Count > 0)
        {
            // In the order of the languages, each with the language it reads in.
            var signIns = string.Join(", ", Localization.SupportedCultures
                .Where(c => seeded.Contains(Accounts[c.Name], StringComparer.OrdinalIgnoreCase))
                .Select(c => $"{Accounts[c.Name]} ({Localization.NativeName(c)})"));
            LogDemoSignIn(logger, signIns, Password);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo: sign in as {Emails} with password {Password} (set Receta:Demo=false to start empty).")]
    private static partial void LogDemoSignIn(ILogger logger, string emails, string password);
}
