using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>webhooks</c>: made with its secret printed once, listed without it, limited to a goal, removed.</summary>
public abstract class WebhooksCommandTests(RecetaApp app)
{
    [Fact]
    public async Task Webhooks_AddedThenListedThenRemoved_AnswersEachTime()
    {
        var user = await app.CreateUserAsync();
        var goal = await user.GoalAsync("Run a marathon");
        using var cli = new CliHarness(app).As(user);

        var none = await cli.RunAsync("webhooks");
        var added = await cli.RunAsync("webhooks", "add", "https://receiver.example/hook", "--events", "entry.created, habit.checked", "--goal", "marathon");
        var secret = added.Out.Trim();
        var listed = await cli.RunAsync("webhooks");
        var json = await cli.RunAsync("webhooks", "--json");

        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Contains("No webhooks", none.Out, StringComparison.Ordinal);
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", secret);
        Assert.Contains("shown only this once", added.Error, StringComparison.Ordinal);
        Assert.Contains("https://receiver.example/hook", listed.Out, StringComparison.Ordinal);
        Assert.Contains("entry.created,habit.checked", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Out + json.Out, StringComparison.Ordinal);
        var webhook = Assert.Single(JsonDocument.Parse(json.Out).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(goal, webhook.GetProperty("goalId").GetString());
        var id = webhook.GetProperty("id").GetString()!;

        var removed = await cli.RunAsync("webhooks", "remove", id);
        var again = await cli.RunAsync("webhooks", "remove", id);

        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("The webhook is removed", removed.Out, StringComparison.Ordinal);
        // Nothing left to remove: the server's 404, exit 1.
        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        using var list = await user.Api.GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken);
        Assert.Empty((await list.ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task WebhooksAdd_PrivateAddressOrUnknownEvent_IsRefusedWithTheServersProblem()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app).As(user);

        var inner = await cli.RunAsync("webhooks", "add", "https://10.0.0.1/hook", "--events", "entry.created");
        var unknown = await cli.RunAsync("webhooks", "add", "https://receiver.example/hook", "--events", "goal.exploded");
        var missing = await cli.RunAsync("webhooks", "add", "https://receiver.example/hook");

        Assert.Equal(ExitCodes.Refused, inner.ExitCode);
        Assert.Contains("url", inner.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Contains("goal.exploded", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        using var list = await user.Api.GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken);
        await list.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Empty((await list.ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }
}

public sealed class WebhooksCommandTests_Sqlite(KestrelSqliteApp app) : WebhooksCommandTests(app);

public sealed class WebhooksCommandTests_Postgres(KestrelPostgresApp app) : WebhooksCommandTests(app);
