using System.Net;
using Receta.Data;
using Receta.Testing;

namespace Receta.Web.Tests.Health;

public abstract class HealthTests(RecetaApp app)
{
    [Fact]
    public async Task Healthz_DatabaseAnswers_Returns200Ok()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }
}

public sealed class HealthTests_Sqlite(SqliteApp app) : HealthTests(app)
{
    // Browser tests need the host on a real socket; the provider does not matter for that.
    [Fact]
    public async Task Healthz_OnRealKestrel_Returns200Ok()
    {
        await using var served = new RecetaApp(DatabaseProvider.Sqlite, useKestrel: true);
        await served.InitializeAsync();
        using var client = new HttpClient { BaseAddress = served.ServerAddress };

        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", served.ServerAddress.Host);
        await response.AssertStatusAsync(HttpStatusCode.OK);
    }
}

public sealed class HealthTests_Postgres(PostgresApp app) : HealthTests(app)
{
    // A SQLite file cannot stop answering while the app runs; a PostgreSQL database can disappear.
    [Fact]
    public async Task Healthz_DatabaseGone_Returns503()
    {
        await using var isolated = new RecetaApp(DatabaseProvider.Postgres, server: app.Postgres);
        await isolated.InitializeAsync();
        using var client = isolated.CreateApiClient();
        using (var before = await client.GetAsync("/healthz", TestContext.Current.CancellationToken))
        {
            await before.AssertStatusAsync(HttpStatusCode.OK);
        }

        await app.Postgres!.DropDatabaseAsync(isolated.DatabaseName!);
        using var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.ServiceUnavailable);
    }
}
