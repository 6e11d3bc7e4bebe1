using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Tests.Circle;
using Receta.Web.Tests.Security;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// The rules that keep hot reads honest (docs/adr/0013), with two nodes on one database: each has
/// just served the read from its caches when the change is made on the other, and the very next
/// request there must see it. A revoked token is refused, a new entry is counted, a member removed
/// from the circle no longer finds the goal, a deleted goal is gone; what one node made, the other
/// finds at once (its route, docs/adr/0014).
/// </summary>
public abstract class TwoNodesTests(RecetaApp app) : IAsyncLifetime
{
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private RecetaApp? _second;

    /// <summary>The other node: same database as the suite's app.</summary>
    protected RecetaApp Second => _second ?? throw new InvalidOperationException("Not started.");

    protected abstract RecetaApp NewSecondNode();

    public async ValueTask InitializeAsync() => _second = await OwnApp.InitializeOrDisposeAsync(NewSecondNode());

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public Task RevokedOnOneNode_TheOtherRefusesTheTokenOnItsNextRequest() =>
        AssertDeletedOnOneNodeAsync((user, _) => $"/api/v1/auth/tokens/{user.Token.Id}", HttpStatusCode.Unauthorized);

    [Fact]
    public async Task EntryWrittenOnOneNode_TheOtherCountsItOnItsNextRead()
    {
        var user = await app.CreateUserAsync();
        var goal = await NewGoalAsync(user);
        using var there = Second.CreateApiClient(user.Token.Secret);
        Assert.Equal(0, (await ReadProgressAsync(there, goal)).GetProperty("current").GetDouble());

        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-01", value = 7 });

        Assert.Equal(7, (await ReadProgressAsync(there, goal)).GetProperty("current").GetDouble());
    }

    [Fact]
    public async Task RemovedFromTheCircleOnOneNode_TheOtherNoLongerShowsTheGoal()
    {
        var owner = await app.CreateUserAsync();
        var member = await app.CreateUserAsync();
        var goal = await NewGoalAsync(owner);
        var invitation = await CircleTests.JoinAsync(owner, member, goal);
        using var there = Second.CreateApiClient(member.Token.Secret);
        await AssertReadsAsync(there, goal, HttpStatusCode.OK);
        Assert.Equal([goal], await ListedAsync(there));
        Assert.Equal([goal], await ListedAsync(there));

        using var removed = await owner.Api.DeleteAsync($"/api/v1/goals/{goal}/circle/{invitation}", Cancellation);
        await removed.AssertStatusAsync(HttpStatusCode.NoContent);

        await AssertReadsAsync(there, goal, HttpStatusCode.NotFound);
        Assert.Empty(await ListedAsync(there));
    }

    /// <summary>The ids in the caller's goal list.</summary>
    private static async Task<List<string>> ListedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/goals", Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var list = await response.ReadJsonAsync();
        return [.. list.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task MadeOnOneNode_TheOtherListsAndReadsTheGoalAtOnce()
    {
        // The other node has never seen this goal: it finds its route on the first request, and the
        // goal list it had just served (and kept) has it at once.
        var user = await app.CreateUserAsync();
        using var there = Second.CreateApiClient(user.Token.Secret);
        Assert.Empty(await ListedAsync(there));
        Assert.Empty(await ListedAsync(there));

        var goal = await NewGoalAsync(user);

        Assert.Equal([goal], await ListedAsync(there));
        await AssertReadsAsync(there, goal, HttpStatusCode.OK);
    }

    [Fact]
    public Task DeletedOnOneNode_TheOtherNoLongerFindsTheGoal_ThoughItKeptItsRoute() =>
        AssertDeletedOnOneNodeAsync((_, goal) => $"/api/v1/goals/{goal}", HttpStatusCode.NotFound);

    /// <summary>
    /// A user's goal read on the other node, then what <paramref name="path"/> names (of that user and
    /// goal) deleted on this one: the other node's next reads of the goal answer <paramref name="after"/>.
    /// </summary>
    private async Task AssertDeletedOnOneNodeAsync(Func<TestUser, string, string> path, HttpStatusCode after)
    {
        var user = await app.CreateUserAsync();
        var goal = await NewGoalAsync(user);
        using var there = Second.CreateApiClient(user.Token.Secret);
        await AssertReadsAsync(there, goal, HttpStatusCode.OK);

        using var deleted = await user.Api.DeleteAsync(path(user, goal), Cancellation);
        await deleted.AssertStatusAsync(HttpStatusCode.NoContent);

        await AssertReadsAsync(there, goal, after);
    }

    /// <summary>A goal of <paramref name="user"/> with a measure: what the two-node and kept-answer tests read.</summary>
    internal static async Task<string> NewGoalAsync(TestUser user) =>
        Id(await CreateGoalAsync(user, new
        {
            title = "Two nodes",
            purpose = "Agree",
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            measure = new { unit = "km", start = 0, target = 100 },
        }));

    private static async Task<System.Text.Json.JsonElement> ReadProgressAsync(HttpClient client, string goal)
    {
        using var response = await client.GetAsync($"/api/v1/goals/{goal}/progress?asOf=2025-02-10", Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Progress and roadmap answer <paramref name="expected"/> (each read twice: the second from the caches).</summary>
    private static async Task AssertReadsAsync(HttpClient client, string goal, HttpStatusCode expected)
    {
        foreach (var view in new[] { "progress", "roadmap", "progress", "roadmap" })
        {
            using var response = await client.GetAsync($"/api/v1/goals/{goal}/{view}", Cancellation);
            await response.AssertStatusAsync(expected);
        }
    }
}

public sealed class TwoNodesTests_Sqlite(SqliteApp app) : TwoNodesTests(app)
{
    private readonly SqliteApp _app = app;

    protected override RecetaApp NewSecondNode() => new(DatabaseProvider.Sqlite) { ExistingDatabase = _app.SqliteFile };

    /// <summary>What lets a node keep a token's read (docs/adr/0013): the stamp stays until a node commits, this one or another.</summary>
    [Fact]
    public async Task TheChangeStamp_StaysWhileNothingIsCommitted_AndMovesWhenAnotherNodeCommits()
    {
        // Apps of their own: the suite's app has other tests writing to it all the time.
        await using var first = await OwnApp.InitializeOrDisposeAsync(new RecetaApp(DatabaseProvider.Sqlite));
        await using var second = await OwnApp.InitializeOrDisposeAsync(new RecetaApp(DatabaseProvider.Sqlite) { ExistingDatabase = first.SqliteFile });
        var user = await first.CreateUserAsync();
        var reads = second.Services.GetRequiredService<ReadContexts>();

        var before = await reads.ChangeStampAsync();
        Assert.NotNull(before);
        Assert.Equal(before, await reads.ChangeStampAsync());

        await PostAsync(user, "/api/v1/goals", new { title = "A commit on the first node" });

        Assert.NotEqual(before, await reads.ChangeStampAsync());
    }
}

public sealed class TwoNodesTests_Postgres(PostgresApp app) : TwoNodesTests(app)
{
    private readonly PostgresApp _app = app;

    protected override RecetaApp NewSecondNode() => new(DatabaseProvider.Postgres, server: _app.Postgres) { SameDatabaseAs = _app };

    /// <summary>
    /// PostgreSQL's stamp is its snapshot, which moves with any commit on the server, so only the move
    /// is checked here (the suite's server has other tests committing); StampedResponsesTests, on a
    /// server of their own, check what stays.
    /// </summary>
    [Fact]
    public async Task TheChangeStamp_MovesWhenAnotherNodeCommits()
    {
        var user = await _app.CreateUserAsync();
        var reads = Second.Services.GetRequiredService<ReadContexts>();
        var before = await reads.ChangeStampAsync();
        Assert.NotNull(before);

        await PostAsync(user, "/api/v1/goals", new { title = "A commit on the first node" });

        Assert.NotEqual(before, await reads.ChangeStampAsync());
    }
}
