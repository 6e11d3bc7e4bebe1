using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Nudges;

/// <summary>
/// Risk alerts (connections.md §4): the daily look at the owner's digest hour (18:00 unless set)
/// alerts when a goal newly slips, with the scorecard's hint, at most once a week per goal.
/// </summary>
public abstract class RiskAlertTests(RecetaApp shared)
{
    [Fact]
    public async Task RiskAlert_OnADropToBehind_OnceWithTheHint_NotAgainWithinAWeek()
    {
        await using var node = await NudgeNode.StartAsync(shared);
        var user = await node.App.CreateUserAsync("America/Los_Angeles");
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Open a restaurant",
            startDate = "2025-03-01",
            targetDate = "2025-04-01",
            measure = new { unit = "dishes", start = 0, target = 100, aggregation = "sum" },
        }));
        await LogAsync(node, user, goal, "2025-03-01T20:00:00Z", "2025-03-01", 10);

        // Evenings at 18:00 in Los Angeles are 02:00Z the next day (UTC−8 until 9 March, then 01:00Z).
        await node.RunAtAsync("2025-03-02T02:05:00Z"); // ahead of the road: the first look only records it
        Assert.Empty(node.Inbox.To(user.Email));
        await node.RunAtAsync("2025-03-11T01:05:00Z"); // 10 March: 10 of the ~29 the road asks for by now
        var alert = Assert.Single(node.Inbox.To(user.Email));
        await node.RunAtAsync("2025-03-12T01:05:00Z"); // still behind: nothing new to say
        Assert.Single(node.Inbox.To(user.Email));

        Assert.Equal("“Open a restaurant” is slipping", alert.Subject);
        Assert.Contains("Write down why this goal matters to you: your purpose.", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/goals/{goal}", alert.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);

        // Back ahead, then behind again within the week: no second alert.
        await LogAsync(node, user, goal, "2025-03-12T20:00:00Z", "2025-03-12", 30);
        await node.RunAtAsync("2025-03-13T01:05:00Z"); // 12 March: 40, the road ~35: back on track
        Assert.Contains((await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-03-12")).GetProperty("status").GetString(), new[] { "ahead", "onTrack" });
        await node.RunAtAsync("2025-03-17T01:05:00Z"); // 16 March: 40, the road ~48, six days after the alert
        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-03-16");
        Assert.Contains(progress.GetProperty("status").GetString(), new[] { "behind", "offTrack" });
        // Sunday's other email is the weekly digest.
        Assert.Single(node.Inbox.To(user.Email), m => m.Subject?.EndsWith("is slipping", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RiskAlert_Off_SendsNothing()
    {
        await using var node = await NudgeNode.StartAsync(shared);
        var user = await node.App.CreateUserAsync("America/Los_Angeles");
        using var off = await user.Api.PatchJsonAsync("/api/v1/me/notifications", new { riskAlerts = false });
        await off.AssertStatusAsync(HttpStatusCode.OK);
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Open a restaurant",
            startDate = "2025-03-01",
            targetDate = "2025-04-01",
            measure = new { unit = "dishes", start = 0, target = 100, aggregation = "sum" },
        }));
        await LogAsync(node, user, goal, "2025-03-01T20:00:00Z", "2025-03-01", 10);

        await node.RunAtAsync("2025-03-02T02:05:00Z");
        await node.RunAtAsync("2025-03-11T01:05:00Z");

        Assert.Empty(node.Inbox.To(user.Email));
    }

    private static async Task LogAsync(NudgeNode node, TestUser user, string goal, string at, string date, double value)
    {
        node.App.Clock.SetUtcNow(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date, value });
    }
}

public sealed class RiskAlertTests_Sqlite(SqliteApp app) : RiskAlertTests(app);

public sealed class RiskAlertTests_Postgres(PostgresApp app) : RiskAlertTests(app);
