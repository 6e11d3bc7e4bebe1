using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Nudges;

/// <summary>The weekly digests (connections.md §4): the owner's, and the circle's reduced to what each member's role may read.</summary>
public abstract class DigestTests(RecetaApp shared)
{
    [Fact]
    public async Task Digest_OnSundayEvening_OwnerAndOptedInMembers_EachOnce_CheersOnlyToThoseWhoMayReadThem()
    {
        await using var node = await NudgeNode.StartAsync(shared);
        var owner = await node.App.CreateUserAsync("America/Los_Angeles");
        var viewer = await node.App.CreateUserAsync("America/Los_Angeles");
        var cheerleader = await node.App.CreateUserAsync("America/Los_Angeles");
        var quiet = await node.App.CreateUserAsync("America/Los_Angeles");
        var goal = Id(await CreateGoalAsync(owner, new
        {
            title = "Open a restaurant",
            startDate = "2025-03-01",
            targetDate = "2025-04-01",
            measure = new { unit = "dishes", start = 0, target = 100, aggregation = "sum" },
        }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-03-01", value = 10 });
        foreach (var (member, role) in new[] { (viewer, "viewer"), (cheerleader, "cheerleader"), (quiet, "viewer") })
        {
            await Pages.GoalPageApi.JoinAsync(owner, member, goal, role);
        }
        foreach (var member in new[] { viewer, cheerleader })
        {
            using var optIn = await member.Api.PatchJsonAsync("/api/v1/me/notifications", new { circleDigest = true });
            await optIn.AssertStatusAsync(HttpStatusCode.OK);
        }
        node.App.Clock.SetUtcNow(DateTimeOffset.Parse("2025-03-05T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-03-05", value = 20 });
        await PostAsync(cheerleader, $"/api/v1/goals/{goal}/cheers", new { message = "¡Vamos, Adela!" });

        await node.RunAtAsync("2025-03-10T00:55:00Z"); // Sunday 9 March, 17:55 in Los Angeles
        Assert.Empty(node.Inbox.To(owner.Email));
        await node.RunAtAsync("2025-03-10T01:05:00Z"); // 18:05
        await node.RunAtAsync("2025-03-10T01:30:00Z");

        var mine = Assert.Single(node.Inbox.To(owner.Email));
        Assert.Equal("Your week with Receta", mine.Subject);
        Assert.Contains("Open a restaurant", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("10% → 30% this week", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("Recipe: ", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 cheers this week: “¡Vamos, Adela!”", mine.TextBody, StringComparison.Ordinal);
        // The members' other email is their invitation.
        var seen = Assert.Single(Digests(node, viewer));
        Assert.Equal("How your circle's goals went this week", seen.Subject);
        Assert.Contains("10% → 30% this week", seen.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Vamos", seen.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vamos", Assert.Single(Digests(node, cheerleader)).TextBody, StringComparison.Ordinal);
        Assert.Empty(Digests(node, quiet));
        Assert.NotNull(mine.Headers["List-Unsubscribe"]);
    }

    private static MimeKit.MimeMessage[] Digests(NudgeNode node, TestUser reader) =>
        [.. node.Inbox.To(reader.Email).Where(m => m.Subject == "How your circle's goals went this week")];
}

public sealed class DigestTests_Sqlite(SqliteApp app) : DigestTests(app);

public sealed class DigestTests_Postgres(PostgresApp app) : DigestTests(app);
