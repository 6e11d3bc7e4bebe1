using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Nudges;

/// <summary>Circle news (connections.md §4): the circle's cheers and suggestions reach the owner, batched, at most one email per goal per hour.</summary>
public abstract class CircleNewsTests(RecetaApp shared)
{
    [Fact]
    public async Task CircleNews_CheersAndSuggestions_ReachTheOwnerAtMostOnceAnHour_TheOwnersOwnCheersAreNot()
    {
        await using var node = await NudgeNode.StartAsync(shared);
        var owner = await node.App.CreateUserAsync("America/Los_Angeles");
        var cheerleader = await node.App.CreateUserAsync("America/Los_Angeles", displayName: "Adela");
        var mentor = await node.App.CreateUserAsync("America/Los_Angeles", displayName: "Don José");
        var goal = Id(await CreateGoalAsync(owner, new { title = "Open a restaurant" }));
        await Pages.GoalPageApi.JoinAsync(owner, cheerleader, goal, "cheerleader");
        await Pages.GoalPageApi.JoinAsync(owner, mentor, goal, "mentor");

        await At(node, "2025-03-01T18:00:00Z", () => PostAsync(cheerleader, $"/api/v1/goals/{goal}/cheers", new { message = "¡Tú puedes!" }));
        await At(node, "2025-03-01T18:00:30Z", () => PostAsync(owner, $"/api/v1/goals/{goal}/cheers", new { message = "Thanks, all" }));
        await node.RunAtAsync("2025-03-01T18:01:00Z");
        var first = Assert.Single(node.Inbox.To(owner.Email));
        await At(node, "2025-03-01T18:10:00Z", () => PostAsync(cheerleader, $"/api/v1/goals/{goal}/cheers", new { message = "Keep going" }));
        await At(node, "2025-03-01T18:20:00Z", () => PostAsync(mentor, $"/api/v1/goals/{goal}/suggestions", new { title = "Cook for ten friends" }));
        await node.RunAtAsync("2025-03-01T18:30:00Z");
        Assert.Single(node.Inbox.To(owner.Email));
        await node.RunAtAsync("2025-03-01T19:02:00Z");
        await node.RunAtAsync("2025-03-01T19:05:00Z");

        Assert.Equal("News from your circle on “Open a restaurant”", first.Subject);
        Assert.Contains("Adela cheered: “¡Tú puedes!”", first.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanks, all", first.TextBody, StringComparison.Ordinal);
        var emails = node.Inbox.To(owner.Email);
        Assert.Equal(2, emails.Count);
        var second = emails[1].TextBody;
        Assert.Contains("Adela cheered: “Keep going”", second, StringComparison.Ordinal);
        Assert.Contains("Don José suggested a milestone: “Cook for ten friends”", second, StringComparison.Ordinal);
        Assert.DoesNotContain("¡Tú puedes!", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CircleNews_Off_SendsNothing()
    {
        await using var node = await NudgeNode.StartAsync(shared);
        var owner = await node.App.CreateUserAsync("America/Los_Angeles");
        var cheerleader = await node.App.CreateUserAsync("America/Los_Angeles");
        var goal = Id(await CreateGoalAsync(owner, new { title = "Open a restaurant" }));
        await Pages.GoalPageApi.JoinAsync(owner, cheerleader, goal, "cheerleader");
        using var off = await owner.Api.PatchJsonAsync("/api/v1/me/notifications", new { circleNews = false });
        await off.AssertStatusAsync(HttpStatusCode.OK);

        await At(node, "2025-03-01T18:00:00Z", () => PostAsync(cheerleader, $"/api/v1/goals/{goal}/cheers", new { message = "¡Tú puedes!" }));
        await node.RunAtAsync("2025-03-01T18:01:00Z");

        Assert.Empty(node.Inbox.To(owner.Email));
    }

    private static async Task At(NudgeNode node, string instant, Func<Task> act)
    {
        node.App.Clock.SetUtcNow(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        await act();
    }
}

public sealed class CircleNewsTests_Sqlite(SqliteApp app) : CircleNewsTests(app);

public sealed class CircleNewsTests_Postgres(PostgresApp app) : CircleNewsTests(app);
