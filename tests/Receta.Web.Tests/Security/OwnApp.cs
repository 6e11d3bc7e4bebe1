using Receta.Testing;

namespace Receta.Web.Tests.Security;

internal static class OwnApp
{
    /// <summary>
    /// A new app of its own for a test that moves the clock: same provider as <paramref name="shared"/>,
    /// and for PostgreSQL a new database on the same server.
    /// </summary>
    public static Task<RecetaApp> StartAsync(RecetaApp shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        return InitializeOrDisposeAsync(new RecetaApp(shared.Provider, server: shared.Postgres));
    }

    /// <summary>Starts <paramref name="app"/>, disposing of it again when it fails to start.</summary>
    public static async Task<RecetaApp> InitializeOrDisposeAsync(RecetaApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.InitializeAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public static string UniqueEmail() => $"someone-{Guid.NewGuid():N}@example.test";

    public static string StrongPassword() => $"a long secret {Guid.NewGuid():N}";
}
