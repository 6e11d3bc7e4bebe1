using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Testing;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// Two nodes on one PostgreSQL database behind real nginx running the repository's
/// <c>deploy/nginx/receta.conf</c> (TLS at nginx, plain http to the nodes), each node trusting
/// nginx's forwarded headers (<c>ForwardedHeaders:KnownProxies=127.0.0.1</c>) as the README says.
/// </summary>
public sealed class NginxBalancerTests(PostgresApp shared)
{
    /// <summary>The address the tests' client connects from: loopback, but not nginx's own 127.0.0.1.</summary>
    private static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThroughNginx_AppSeesTheClientsAddressHttpsAndHost()
    {
        await using var cluster = await Cluster.StartAsync(shared);
        using var client = cluster.CreateClient();
        // What a client writes itself is replaced by nginx with the address it saw.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var token = await CreateAccountAsync(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var audit = await client.GetAsync("/api/v1/audit", Cancellation);
        await audit.AssertStatusAsync(HttpStatusCode.OK);
        var addresses = (await audit.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("ipAddress").GetString()).ToList();
        using var calendar = await client.PostAsync("/api/v1/calendar", null, Cancellation);
        await calendar.AssertStatusAsync(HttpStatusCode.Created);
        var feed = (await calendar.ReadJsonAsync()).GetProperty("url").GetString();
        // Outside Development a page asked for over plain http is redirected to https: through nginx it is served.
        using var page = await client.GetAsync("/signin", Cancellation);
        using var direct = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.Nodes[0].ServerAddress };
        using var plain = await direct.GetAsync("/signin", Cancellation);

        Assert.NotEmpty(addresses);
        Assert.All(addresses, address => Assert.Equal(ClientAddress.ToString(), address));
        Assert.StartsWith($"https://localhost:{cluster.Nginx.Port}/calendar/", feed, StringComparison.Ordinal);
        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
    }

    [Fact]
    public async Task NodeStopped_ReadsAndNewWritesGoOnThroughTheOther()
    {
        await using var cluster = await Cluster.StartAsync(shared);
        using var client = cluster.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateAccountAsync(client));
        var goal = await CreateGoalAsync(client);

        await cluster.Nodes[1].DisposeAsync();

        for (var i = 0; i < 6; i++)
        {
            foreach (var path in new[] { $"/api/v1/goals/{goal}/progress", $"/api/v1/goals/{goal}/roadmap", "/api/v1/dashboard" })
            {
                using var read = await client.GetAsync(path, Cancellation);
                await read.AssertStatusAsync(HttpStatusCode.OK);
            }
            // Refused before it was sent: nginx passes even a POST on to the other node.
            using var write = await PostEntryAsync(client, goal, Guid.NewGuid().ToString("N"));
            await write.AssertStatusAsync(HttpStatusCode.Created);
        }
        Assert.Equal(6, await CountEntriesAsync(client, goal));
    }

    [Fact]
    public async Task ReadInFlightOnAFailingNode_IsAnsweredByTheOther()
    {
        await using var cluster = await Cluster.StartAsync(shared);
        using var client = cluster.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateAccountAsync(client));
        var goal = await CreateGoalAsync(client);

        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/goals/{goal}/progress");
            request.Headers.Add(LostAnswers.Header, cluster.Nodes[0].Name);
            using var read = await client.SendAsync(request, Cancellation);
            await read.AssertStatusAsync(HttpStatusCode.OK);
        }

        Assert.True(cluster.Nodes[0].AnswersLost > 0, "nginx never sent a read to the failing node:\n" + cluster.Nginx.ReadErrorLog());
    }

    [Fact]
    public async Task PostWhoseAnswerWasLost_RetriedWithItsKey_IsAppliedOnce()
    {
        await using var cluster = await Cluster.StartAsync(shared);
        using var client = cluster.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateAccountAsync(client));
        var goal = await CreateGoalAsync(client);
        var key = Guid.NewGuid().ToString("N");

        // Applied on whichever node got it, which then drops the connection before answering.
        using (var lost = await PostEntryAsync(client, goal, key, loseAnswerOn: LostAnswers.AnyNode))
        {
            // Sent, so never passed on to the other node: the client sees the failure.
            Assert.Equal(HttpStatusCode.BadGateway, lost.StatusCode);
        }
        Assert.Equal(1, await CountEntriesAsync(client, goal));
        using var retry = await PostEntryAsync(client, goal, key);
        await retry.AssertStatusAsync(HttpStatusCode.Created);
        using var again = await PostEntryAsync(client, goal, key);
        await again.AssertStatusAsync(HttpStatusCode.Created);

        Assert.Equal(1, await CountEntriesAsync(client, goal));
        var entries = await ListEntriesAsync(client, goal);
        Assert.Equal(entries.Single(), (await retry.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal(entries.Single(), (await again.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal(1, cluster.Nodes.Sum(node => node.AnswersLost));
    }

    private static async Task<string> CreateAccountAsync(HttpClient client)
    {
        var email = $"balanced-{Guid.NewGuid():N}@example.test";
        var password = $"a long balanced passphrase {Guid.NewGuid():N}";
        using var registered = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Balanced", timeZone = "UTC" });
        await registered.AssertStatusAsync(HttpStatusCode.Created);
        using var token = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password, name = "nginx" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
        return (await token.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    private static async Task<string> CreateGoalAsync(HttpClient client)
    {
        using var created = await client.PostJsonAsync("/api/v1/goals", new
        {
            title = "Behind a balancer",
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            measure = new { unit = "pages", start = 0, target = 1000, aggregation = "sum" },
        });
        await created.AssertStatusAsync(HttpStatusCode.Created);
        return (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> PostEntryAsync(HttpClient client, string goal, string key, string? loseAnswerOn = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/goals/{goal}/entries")
        {
            Content = JsonContent(new { date = "2025-02-01", value = 3 }),
        };
        request.Headers.Add("Idempotency-Key", key);
        if (loseAnswerOn is not null)
        {
            request.Headers.Add(LostAnswers.Header, loseAnswerOn);
        }
        return client.SendAsync(request, Cancellation);
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);

    private static async Task<int> CountEntriesAsync(HttpClient client, string goal) => (await ListEntriesAsync(client, goal)).Count;

    private static async Task<List<string?>> ListEntriesAsync(HttpClient client, string goal)
    {
        using var list = await client.GetAsync($"/api/v1/goals/{goal}/entries", Cancellation);
        await list.AssertStatusAsync(HttpStatusCode.OK);
        return [.. (await list.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString())];
    }

    /// <summary>Two nodes on one new database and nginx in front of them.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private Cluster(IReadOnlyList<BalancedNode> nodes, NginxServer nginx)
        {
            Nodes = nodes;
            Nginx = nginx;
        }

        public IReadOnlyList<BalancedNode> Nodes { get; }

        public NginxServer Nginx { get; }

        public static async Task<Cluster> StartAsync(RecetaApp shared)
        {
            var first = new BalancedNode("a", shared.Postgres!);
            var nodes = new List<BalancedNode> { first };
            try
            {
                await first.InitializeAsync();
                var second = new BalancedNode("b", shared.Postgres!) { SameDatabaseAs = first };
                nodes.Add(second);
                await second.InitializeAsync();
                var nginx = await NginxServer.StartAsync(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx"), [first.ServerAddress, second.ServerAddress]);
                return new Cluster(nodes, nginx);
            }
            catch
            {
                await DisposeAsync(nodes);
                throw;
            }
        }

        /// <summary>A client of nginx's https address, connecting from <see cref="ClientAddress"/>, trusting nginx's certificate only.</summary>
        public HttpClient CreateClient()
        {
            var pinned = Nginx.Certificate.GetCertHashString();
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == pinned },
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(ClientAddress, 0));
                        await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            return new HttpClient(handler) { BaseAddress = Nginx.Address };
        }

        public async ValueTask DisposeAsync()
        {
            await Nginx.DisposeAsync();
            await DisposeAsync(Nodes);
        }

        private static async Task DisposeAsync(IEnumerable<BalancedNode> nodes)
        {
            var database = nodes.FirstOrDefault()?.DatabaseName;
            foreach (var node in nodes.Reverse())
            {
                await node.DisposeAsync();
            }
            if (database is not null && nodes.First().Postgres is { } server)
            {
                await server.DropDatabaseAsync(database);
            }
        }
    }

    /// <summary>A node on real Kestrel that trusts nginx's headers and can be told to lose its answers (<see cref="LostAnswers"/>).</summary>
    private sealed class BalancedNode(string name, PostgresServer server)
        : RecetaApp(DatabaseProvider.Postgres, useKestrel: true, server)
    {
        private readonly LostAnswers _lostAnswers = new(name);

        public string Name => name;

        public int AnswersLost => _lostAnswers.Count;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies", "127.0.0.1");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(_lostAnswers));
        }

        public override string ToString() => $"node {name}";
    }

    /// <summary>
    /// A node dying after it has done the work and before its answer left: a request carrying
    /// <see cref="Header"/> with this node's name (or <see cref="AnyNode"/>) runs to its end, its
    /// answer is kept from the connection, and the connection is then reset.
    /// </summary>
    private sealed class LostAnswers(string node) : IStartupFilter
    {
        public const string Header = "X-Test-Lose-Answer-On";
        public const string AnyNode = "any";

        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Headers[Header] is not [{ } target] || (target != node && target != AnyNode))
                {
                    await nextMiddleware(http);
                    return;
                }
                var connection = http.Response.Body;
                http.Response.Body = Stream.Null;
                await nextMiddleware(http);
                http.Response.Body = connection;
                Interlocked.Increment(ref _count);
                http.Abort();
            });
            next(app);
        };
    }
}
