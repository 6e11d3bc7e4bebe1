using System.Globalization;
using System.Net;
using System.Text.Json;
using Receta.Data;
using Receta.Scale;
using Receta.Testing;
using Receta.Web.Tests.Security;

namespace Receta.Web.Tests.Operations;

/// <summary>
/// bench/Receta.Scale's generator (docs/adr/0012): a small dataset generated into an empty database
/// is one the app works with. A generated account signs in with its password and its token, and
/// progress, roadmap and dashboard answer with what the generated entries and milestones imply.
/// </summary>
public abstract class ScaleGeneratorTests(RecetaApp app)
{
    private const string AsOf = "2030-01-01";
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>20 accounts, 60 goals, 6,000 entries: among them at least one long history.</summary>
    private static readonly Dataset Small = new(users: 20, entries: 6_000, seed: 7);

    /// <summary>An empty database of the suite's provider: its connection string, and how to start an app on it.</summary>
    protected abstract Task<(string ConnectionString, Func<RecetaApp> NewApp)> NewDatabaseAsync();

    [Fact]
    public async Task Generate_ThenTheApp_ServesTheViewsTheGeneratedRowsImply()
    {
        var (connectionString, newApp) = await NewDatabaseAsync();
        await Generator.GenerateAsync(app.Provider, connectionString, Small, TextWriter.Null, Cancellation);
        await using var node = await OwnApp.InitializeOrDisposeAsync(newApp());

        var longest = Enumerable.Range(0, Small.Goals).MaxBy(Small.LengthOf);
        Assert.True(Small.IsLong(longest) && Small.LengthOf(longest) >= 500, $"the longest history has {Small.LengthOf(longest)} entries");
        var user = Dataset.OwnerOf(longest);
        using var api = node.CreateApiClient(Small.TokenSecret(user));

        var progress = new Dictionary<int, JsonElement>();
        foreach (var goal in Dataset.GoalsOf(user))
        {
            progress[goal] = await GetAsync(api, $"/api/v1/goals/{Small.GoalId(goal)}/progress?asOf={AsOf}");
            Assert.Equal(Small.SumOf(goal), progress[goal].GetProperty("current").GetDouble());
            Assert.Equal(Small.TargetOf(goal), progress[goal].GetProperty("target").GetDouble());
        }
        Assert.True(Small.SumOf(longest) > 1_000);

        var roadmap = await GetAsync(api, $"/api/v1/goals/{Small.GoalId(longest)}/roadmap?asOf={AsOf}");
        Assert.Equal(
            Enumerable.Range(0, Dataset.MilestonesPerGoal).Select(m => Small.MilestoneId(longest, m)).Order(),
            roadmap.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
        // The first step is done; the second depends on it and comes next.
        Assert.Equal(Small.MilestoneId(longest, 1), roadmap.GetProperty("next").GetGuid());

        var dashboard = await GetAsync(api, $"/api/v1/dashboard?asOf={AsOf}");
        var cards = dashboard.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Dataset.GoalsOf(user).Select(Small.GoalId), cards.Select(c => c.GetProperty("goal").GetProperty("id").GetGuid()));
        foreach (var (goal, card) in Dataset.GoalsOf(user).Zip(cards))
        {
            var percent = card.GetProperty("percentComplete").GetDouble();
            Assert.Equal(progress[goal].GetProperty("percentComplete").GetDouble(), percent);
            Assert.InRange(percent, Math.Min(100, 100 * Small.SumOf(goal) / Small.TargetOf(goal)) - 0.051, Math.Min(100, 100 * Small.SumOf(goal) / Small.TargetOf(goal)) + 0.051);
        }

        // Another account's token does not reach this one's goal: the tokens are the accounts'.
        using var stranger = node.CreateApiClient(Small.TokenSecret((user + 1) % Small.Users));
        using var refused = await stranger.GetAsync($"/api/v1/goals/{Small.GoalId(longest)}/progress", Cancellation);
        await refused.AssertStatusAsync(HttpStatusCode.NotFound);

        // The account row is one Identity signs in with: normalized email, security stamp, password hash.
        using var anonymous = node.CreateApiClient();
        using var token = await anonymous.PostJsonAsync("/api/v1/auth/tokens", new { email = Dataset.Email(user), password = Dataset.Password, name = "signed in" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}

public sealed class ScaleGeneratorTests_Sqlite(SqliteApp app) : ScaleGeneratorTests(app), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("receta-scale-").FullName;

    protected override Task<(string ConnectionString, Func<RecetaApp> NewApp)> NewDatabaseAsync()
    {
        var file = Path.Combine(_folder, "receta.db");
        return Task.FromResult<(string, Func<RecetaApp>)>(
            ($"Data Source={file}", () => new RecetaApp(DatabaseProvider.Sqlite) { ExistingDatabase = file }));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class ScaleGeneratorTests_Postgres(PostgresApp app) : ScaleGeneratorTests(app)
{
    protected override async Task<(string ConnectionString, Func<RecetaApp> NewApp)> NewDatabaseAsync()
    {
        var server = app.Postgres!;
        var name = string.Create(CultureInfo.InvariantCulture, $"receta_scale_{Guid.NewGuid().ToString("N")[..12]}");
        var connectionString = await server.CreateDatabaseAsync(name);
        return (connectionString, () => new RecetaApp(DatabaseProvider.Postgres, server: server) { ExistingDatabase = name });
    }
}
