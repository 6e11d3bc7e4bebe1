using System.Net;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Features.Demo;

namespace Receta.Web.Tests.Demo;

/// <summary>Nodes of one deployment starting at once on one new PostgreSQL database, as <c>deploy/cluster.sh</c> starts them.</summary>
public sealed class DemoSeedingTests(PostgresApp shared)
{
    private const int Nodes = 3;

    /// <summary>The demo goal's title in each language's demo account.</summary>
    private static readonly (string Language, string Title)[] Titles =
        [("en", "Become a NASA astronaut"), ("es", "Ser astronauta de la NASA"), ("pt-BR", "Ser astronauta da NASA")];

    [Fact]
    public async Task Start_NodesAtOnceOnAnEmptyDatabase_AllStartAndSeedTheDemoOnce()
    {
        var server = shared.Postgres!;
        var database = $"receta_seed_{Guid.NewGuid().ToString("N")[..12]}";
        await server.CreateDatabaseAsync(database);
        var nodes = Enumerable.Range(0, Nodes)
            .Select(_ => new RecetaApp(DatabaseProvider.Postgres, server: server) { ExistingDatabase = database, Demo = true })
            .ToList();
        try
        {
            // InitializeAsync migrates, seeds and starts the host synchronously: each on a thread of its own.
            var starts = nodes.Select(node => Task.Run(async () => await node.InitializeAsync())).ToList();
            await Task.WhenAll(starts);

            // Each language's demo account, once, with one journey in its language.
            foreach (var node in nodes)
            {
                foreach (var (language, title) in Titles)
                {
                    using var client = node.CreateApiClient();
                    using var token = await client.PostJsonAsync("/api/v1/auth/tokens",
                        new { email = DemoSeeding.Accounts[language], password = DemoSeeding.Password, name = "demo" });
                    await token.AssertStatusAsync(HttpStatusCode.Created);
                    using var demo = node.CreateApiClient((await token.ReadJsonAsync()).GetProperty("token").GetString());
                    using var goals = await demo.GetAsync("/api/v1/goals", TestContext.Current.CancellationToken);
                    await goals.AssertStatusAsync(HttpStatusCode.OK);
                    var goal = Assert.Single((await goals.ReadJsonAsync()).GetProperty("items").EnumerateArray());
                    Assert.Equal(title, goal.GetProperty("title").GetString());
                }
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
            await server.DropDatabaseAsync(database);
        }
    }
}
