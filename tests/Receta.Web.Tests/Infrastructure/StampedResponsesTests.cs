using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Tests.Circle;
using Receta.Web.Tests.Operations;
using Receta.Web.Infrastructure;
using Receta.Web.Tests.Security;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Infrastructure;

/// <summary>
/// A hot read's answer kept whole under the change stamp (docs/adr/0013): once kept, it is served
/// from memory, and never once anything that decides it has changed: a commit on either of two
/// nodes, another token, the token's expiry, the next day. Two nodes of their own on one database
/// (on PostgreSQL a server of the class's own: its stamp moves with any commit on the server), so
/// that no other test's commits keep the answers from being served.
/// </summary>
public abstract class StampedResponsesTests(DatabaseProvider provider, PostgresServer? server) : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RecetaApp? _here;
    private RecetaApp? _there;
    private ServedFrom? _servedThere;

    /// <summary>The node where changes are made.</summary>
    private RecetaApp Here => _here ?? throw new InvalidOperationException("Not started.");

    /// <summary>The node that serves the reads, from memory when it can.</summary>
    private RecetaApp There => _there ?? throw new InvalidOperationException("Not started.");

    private ServedFrom ServedThere => _servedThere ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _here = await OwnApp.InitializeOrDisposeAsync(new RecetaApp(provider, server: server));
        _there = await OwnApp.InitializeOrDisposeAsync(provider == DatabaseProvider.Sqlite
            ? new RecetaApp(provider) { ExistingDatabase = _here.SqliteFile }
            : new RecetaApp(provider, server: server) { SameDatabaseAs = _here });
        _servedThere = new ServedFrom(_there);
    }

    public async ValueTask DisposeAsync()
    {
        _servedThere?.Dispose();
        if (_there is not null)
        {
            await _there.DisposeAsync();
        }
        if (_here is not null)
        {
            await _here.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AKeptAnswer_IsServedFromMemory_UntilAnEntryWrittenOnTheOtherNode()
    {
        var user = await Here.CreateUserAsync();
        var goal = await TwoNodesTests.NewGoalAsync(user);
        using var there = There.CreateApiClient(user.Token.Secret);
        var progress = $"/api/v1/goals/{goal}/progress?asOf=2025-02-10";
        var kept = await ReadUntilServedFromMemoryAsync(there, progress);
        Assert.Equal(0, kept.GetProperty("current").GetDouble());

        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-01", value = 7 });

        var memory = ServedThere.Memory;
        Assert.Equal(7, (await ReadAsync(there, progress)).GetProperty("current").GetDouble());
        Assert.Equal(memory, ServedThere.Memory);
    }

    [Fact]
    public async Task ATokenRevokedOnTheOtherNode_IsRefused_ThoughItsAnswersWereKept()
    {
        var user = await Here.CreateUserAsync();
        var goal = await TwoNodesTests.NewGoalAsync(user);
        using var there = There.CreateApiClient(user.Token.Secret);
        await ReadUntilServedFromMemoryAsync(there, $"/api/v1/goals/{goal}/roadmap");
        await ReadUntilServedFromMemoryAsync(there, "/api/v1/goals");

        using var revoked = await user.Api.DeleteAsync($"/api/v1/auth/tokens/{user.Token.Id}", Cancellation);
        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);

        await AssertStatusAsync(there, $"/api/v1/goals/{goal}/roadmap", HttpStatusCode.Unauthorized);
        await AssertStatusAsync(there, "/api/v1/goals", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AMemberRemovedOnTheOtherNode_NoLongerFindsTheGoal_ThoughItsAnswersWereKept()
    {
        var owner = await Here.CreateUserAsync();
        var member = await Here.CreateUserAsync();
        var goal = await TwoNodesTests.NewGoalAsync(owner);
        var invitation = await CircleTests.JoinAsync(owner, member, goal);
        using var there = There.CreateApiClient(member.Token.Secret);
        await ReadUntilServedFromMemoryAsync(there, $"/api/v1/goals/{goal}/progress");
        Assert.Equal([goal], Ids(await ReadUntilServedFromMemoryAsync(there, "/api/v1/goals")));

        using var removed = await owner.Api.DeleteAsync($"/api/v1/goals/{goal}/circle/{invitation}", Cancellation);
        await removed.AssertStatusAsync(HttpStatusCode.NoContent);

        await AssertStatusAsync(there, $"/api/v1/goals/{goal}/progress", HttpStatusCode.NotFound);
        Assert.Empty(Ids(await ReadAsync(there, "/api/v1/goals")));
    }

    [Fact]
    public async Task AnotherToken_IsNeverServedTheAnswerKeptForOne()
    {
        var owner = await Here.CreateUserAsync();
        var stranger = await Here.CreateUserAsync();
        var goal = await TwoNodesTests.NewGoalAsync(owner);
        using var ownersClient = There.CreateApiClient(owner.Token.Secret);
        using var strangersClient = There.CreateApiClient(stranger.Token.Secret);
        Assert.Equal([goal], Ids(await ReadUntilServedFromMemoryAsync(ownersClient, "/api/v1/goals")));
        await ReadUntilServedFromMemoryAsync(ownersClient, $"/api/v1/goals/{goal}/progress");

        Assert.Empty(Ids(await ReadAsync(strangersClient, "/api/v1/goals")));
        await AssertStatusAsync(strangersClient, $"/api/v1/goals/{goal}/progress", HttpStatusCode.NotFound);
        using var anonymous = There.CreateApiClient();
        await AssertStatusAsync(anonymous, "/api/v1/goals", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeptAnswer_IsSentWithTheHeadersOfItsFirstAnswer()
    {
        var user = await Here.CreateUserAsync();
        var goal = await TwoNodesTests.NewGoalAsync(user);
        using var there = There.CreateApiClient(user.Token.Secret);
        var roadmap = $"/api/v1/goals/{goal}/roadmap";
        using var first = await there.GetAsync(roadmap, Cancellation);
        await first.AssertStatusAsync(HttpStatusCode.OK);
        await ReadUntilServedFromMemoryAsync(there, roadmap);

        var memory = ServedThere.Memory;
        using var kept = await there.GetAsync(roadmap, Cancellation);
        await kept.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(memory + 1, ServedThere.Memory);

        // The security headers (added as an answer starts, after the kept one is served) and no-store among them.
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Assert.Single(kept.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(kept.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(kept.Headers.CacheControl?.NoStore);
        Assert.Equal(HeadersOf(first), HeadersOf(kept));
        var body = await kept.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.Equal(body.Length, kept.Content.Headers.ContentLength);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(Cancellation), body);
    }

    [Fact]
    public async Task AKeptAnswer_EndsWithTheTokensExpiry()
    {
        var user = await Here.CreateUserAsync();
        var goal = await TwoNodesTests.NewGoalAsync(user);
        using var created = await user.Api.PostJsonAsync("/api/v1/auth/tokens", new
        {
            email = user.Email,
            password = user.Password,
            name = "expires soon",
            expiresAt = There.Clock.GetUtcNow().AddSeconds(30),
        });
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var secret = (await created.ReadJsonAsync()).GetProperty("token").GetString()!;
        using var there = There.CreateApiClient(secret);
        await ReadUntilServedFromMemoryAsync(there, $"/api/v1/goals/{goal}/progress");

        // Within the minute its last use needs no update: only the expiry ends the kept answer.
        Here.Clock.Advance(TimeSpan.FromSeconds(31));
        There.Clock.Advance(TimeSpan.FromSeconds(31));

        await AssertStatusAsync(there, $"/api/v1/goals/{goal}/progress", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeptAnswer_IsNotServedOnTheCallersNextDay()
    {
        var user = await Here.CreateUserAsync(timeZone: "America/Los_Angeles");
        var goal = await TwoNodesTests.NewGoalAsync(user);
        // Half a minute before midnight in Los Angeles (UTC-8 until March 9).
        var nearMidnight = new DateTimeOffset(2025, 3, 2, 7, 59, 30, TimeSpan.Zero);
        Here.Clock.SetUtcNow(nearMidnight);
        There.Clock.SetUtcNow(nearMidnight);
        using var there = There.CreateApiClient(user.Token.Secret);
        Assert.Equal("2025-03-01", (await ReadUntilServedFromMemoryAsync(there, $"/api/v1/goals/{goal}/progress")).GetProperty("asOf").GetString());

        There.Clock.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal("2025-03-02", (await ReadAsync(there, $"/api/v1/goals/{goal}/progress")).GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task AKeptAnswer_StillUpdatesTheTokensLastUseEachMinute()
    {
        var user = await Here.CreateUserAsync();
        using var there = There.CreateApiClient(user.Token.Secret);
        await ReadUntilServedFromMemoryAsync(there, "/api/v1/goals");

        There.Clock.Advance(TimeSpan.FromMinutes(2));
        await ReadAsync(there, "/api/v1/goals");

        var tokens = await GetJsonAsync(user, "/api/v1/auth/tokens");
        var token = tokens.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetString() == user.Token.Id);
        Assert.Equal(There.Clock.GetUtcNow(), token.GetProperty("lastUsedAt").GetDateTimeOffset());
    }

    /// <summary>
    /// Reads <paramref name="path"/> until an answer comes from memory: the first read keeps it,
    /// the next one is served, unless something else committed in between (a token's first use).
    /// </summary>
    private async Task<JsonElement> ReadUntilServedFromMemoryAsync(HttpClient client, string path)
    {
        var before = ServedThere.Memory;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var answer = await ReadAsync(client, path);
            if (ServedThere.Memory > before)
            {
                return answer;
            }
        }
        throw new TestAssertionException($"GET {path} was never served from memory in 10 reads.");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private static async Task AssertStatusAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(expected);
    }

    /// <summary>Every header but the date, which is each answer's own, and how the body is framed (a path's first answer is streamed).</summary>
    private static List<string> HeadersOf(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length" or "Transfer-Encoding"))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)];

    private static List<string> Ids(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetString()!)];

    /// <summary>The app's <c>receta.stamped_reads</c>, counted by where the answers came from.</summary>
    private sealed class ServedFrom : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _memory;

        public ServedFrom(RecetaApp app)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == StampedResponses.MeterName && instrument.Name == "receta.stamped_reads")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "served_from", Value: "memory" })
                    {
                        Interlocked.Add(ref _memory, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Memory => Interlocked.Read(ref _memory);

        public void Dispose() => _listener.Dispose();
    }
}

public sealed class StampedResponsesTests_Sqlite() : StampedResponsesTests(DatabaseProvider.Sqlite, null);

/// <summary>A server of the class's own: any commit on a server moves its stamp, and the suite's server has many.</summary>
public sealed class StampedResponsesTests_Postgres(StampedResponsesTests_Postgres.OwnServer server)
    : StampedResponsesTests(DatabaseProvider.Postgres, server.Server), IClassFixture<StampedResponsesTests_Postgres.OwnServer>
{
    public sealed class OwnServer : IAsyncLifetime
    {
        private PostgresServer? _server;

        public PostgresServer Server => _server ?? throw new InvalidOperationException("Not started.");

        public async ValueTask InitializeAsync() => _server = await PostgresServer.StartAsync();

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
