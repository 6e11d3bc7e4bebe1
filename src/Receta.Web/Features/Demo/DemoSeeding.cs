using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Accounts;

namespace Receta.Web.Features.Demo;

public static partial class DemoSeeding
{
    public const string Email = "demo@receta.example";
    public const string Password = "apollo-17-dreamer";

    /// <summary>
    /// With <c>Receta:Demo</c> on (the default), an empty database gets a demo account holding José
    /// Hernández's journey, and its sign-in is printed. Never touches a database that has accounts.
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
            // The account and its journey together or not at all: a start that dies half-way leaves
            // an empty database, which the next start seeds, never an account without its journey.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var user = new User
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserName = Email,
                Email = Email,
                DisplayName = "José Hernández",
                TimeZone = "America/Los_Angeles",
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The demo account could not be created: "
                    + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            JoseJourney.AddTo(db, user, clock.GetUtcNow());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        if (await db.Users.AnyAsync(u => u.Email == Email))
        {
            LogDemoSignIn(logger, Email, Password);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo: sign in as {Email} with password {Password} (set Receta:Demo=false to start empty).")]
    private static partial void LogDemoSignIn(ILogger logger, string email, string password);
}
