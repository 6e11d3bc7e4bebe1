using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Receta.Data;

public static class DatabaseStartup
{
    /// <summary>Creates the database if needed and applies the migrations of the configured provider.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        await db.Database.MigrateAsync();
    }
}
