using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Features.Nudges;
using Receta.Web.Infrastructure.Email;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Nudges;

/// <summary>
/// Habit reminders (connections.md §4), end to end: the app's own sweep and mail job over a real
/// SMTP server, on each database, with the app's clock moved by hand. Each test owns its app: it moves the clock.
/// </summary>
public abstract partial class ReminderTests(RecetaApp shared)
{
    // Los Angeles is UTC−8 until 2025-03-09 and UTC−7 after: 07:30 there is 15:30Z, then 14:30Z.
    private const string Zone = "America/Los_Angeles";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminder_AtItsLocalTime_SendsOneEmailWithItsLinks_Once()
    {
        await using var node = await NodeAsync();
        var (user, goal, habit) = await HabitAsync(node, new[] { new { time = "07:30" } });

        await node.RunAtAsync("2025-03-01T15:29:00Z");
        Assert.Empty(node.Inbox.To(user.Email));
        await node.RunAtAsync("2025-03-01T15:31:00Z");
        await node.RunAtAsync("2025-03-01T15:40:00Z");

        var email = Assert.Single(node.Inbox.To(user.Email));
        Assert.Equal("Reminder: Sit", email.Subject);
        Assert.Contains("It is 07:30: time for “Sit” (Meditate).", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mark as done", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^<http://localhost:5000/unsubscribe/[A-Za-z0-9_-]+>$", email.Headers["List-Unsubscribe"]);

        // Opening the link, as a mail scanner does, only shows its button.
        var done = DoneLink(email);
        using var anonymous = node.App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var page = await anonymous.GetAsync(done, Cancellation);
        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Mark as done", await page.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Empty(await ChecksAsync(user, goal, habit));
        Assert.False(await WorkIngredientAsync(user, goal));

        using var pressed = await anonymous.PostAsync(done, new FormUrlEncodedContent([]), Cancellation);
        Assert.Equal(HttpStatusCode.SeeOther, pressed.StatusCode);
        Assert.Equal($"{done}?result=done", pressed.Headers.Location?.OriginalString);
        Assert.Equal(["2025-03-01"], await ChecksAsync(user, goal, habit));
        // The scorecard read just before now counts the tick as this week's work.
        Assert.True(await WorkIngredientAsync(user, goal));
        using var shown = await anonymous.GetAsync(pressed.Headers.Location, Cancellation);
        Assert.Contains("is checked for", await shown.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_DayCheckedSkippedInABreakOrNotItsWeekday_SendsNothing()
    {
        await using var node = await NodeAsync();
        var (user, goal, checkedHabit) = await HabitAsync(node, new[] { new { time = "07:30" } });
        var skipped = await AddHabitAsync(user, goal, "Skipped", new[] { new { time = "07:30" } });
        var otherDays = await AddHabitAsync(user, goal, "Weekdays", new[] { new { time = "07:30", weekdays = new[] { "mon", "tue", "wed", "thu", "fri" } } });
        var onBreak = Id(await CreateGoalAsync(user, new { title = "Run" }));
        await AddHabitAsync(user, onBreak, "On a break", new[] { new { time = "07:30" } });
        var control = await AddHabitAsync(user, goal, "Control", new[] { new { time = "07:30" } });
        await PostAsync(user, $"/api/v1/goals/{goal}/habits/{checkedHabit}/checks", new { date = "2025-03-01" });
        await PostAsync(user, $"/api/v1/goals/{goal}/habits/{skipped}/skips", new { date = "2025-03-01" });
        await PostAsync(user, $"/api/v1/goals/{onBreak}/breaks", new { from = "2025-02-27", to = "2025-03-02" });

        await node.RunAtAsync("2025-03-01T15:31:00Z");

        // Saturday 1 March: only the habit with nothing excusing its day is reminded of.
        var email = Assert.Single(node.Inbox.To(user.Email));
        Assert.Equal("Reminder: Control", email.Subject);
        Assert.NotEqual(otherDays, control);
    }

    [Fact]
    public async Task Reminder_InQuietHours_WaitsForTheirEnd()
    {
        await using var node = await NodeAsync();
        var (user, _, _) = await HabitAsync(node, new[] { new { time = "23:00" } });
        using var quiet = await user.Api.PatchJsonAsync("/api/v1/me/notifications", new { quietHours = new { from = "22:00", to = "07:00" } });
        await quiet.AssertStatusAsync(HttpStatusCode.OK);

        await node.RunAtAsync("2025-03-02T07:05:00Z"); // 23:05 on Saturday in Los Angeles
        Assert.Empty(node.Inbox.To(user.Email));
        await node.RunAtAsync("2025-03-02T15:01:00Z"); // 07:01 on Sunday

        var email = Assert.Single(node.Inbox.To(user.Email));
        Assert.Contains("Saturday, March 1, 2025", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_AcrossTheSpringChange_ComesAtTheSameLocalTime()
    {
        await using var node = await NodeAsync();
        var (user, _, _) = await HabitAsync(node, new[] { new { time = "07:30" } });

        await node.RunAtAsync("2025-03-08T15:31:00Z"); // 07:31 PST
        Assert.Single(node.Inbox.To(user.Email));
        await node.RunAtAsync("2025-03-09T14:29:00Z"); // 07:29 PDT, the clocks went forward overnight
        Assert.Single(node.Inbox.To(user.Email));
        await node.RunAtAsync("2025-03-09T14:31:00Z"); // 07:31 PDT

        Assert.Equal(2, node.Inbox.To(user.Email).Count);
    }

    [Fact]
    public async Task Reminder_AfterAnOutage_LateWithinTheHour_DroppedPastIt()
    {
        await using var node = await NodeAsync();
        var (user, goal, _) = await HabitAsync(node, new[] { new { time = "07:30" } });
        await AddHabitAsync(user, goal, "Early", new[] { new { time = "06:00" } });

        await node.RunAtAsync("2025-03-01T16:20:00Z"); // 08:20: 50 minutes after 07:30, 2 h 20 after 06:00

        var email = Assert.Single(node.Inbox.To(user.Email));
        Assert.Equal("Reminder: Sit", email.Subject);
    }

    [Fact]
    public async Task Unsubscribe_OpeningChangesNothing_OneClickTurnsRemindersOff_InTheRecipientsLanguage()
    {
        await using var node = await NodeAsync();
        var (user, _, _) = await HabitAsync(node, new[] { new { time = "07:30" } });
        using var spanish = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "es" });
        await spanish.AssertStatusAsync(HttpStatusCode.OK);
        await node.RunAtAsync("2025-03-01T15:31:00Z");
        var email = Assert.Single(node.Inbox.To(user.Email));
        Assert.Equal("Recordatorio: Sit", email.Subject);
        Assert.Contains("Son las 07:30", email.TextBody, StringComparison.Ordinal);
        var unsubscribe = new Uri(email.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        using var anonymous = node.App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var page = await anonymous.GetAsync(unsubscribe, Cancellation);
        await page.AssertStatusAsync(HttpStatusCode.OK);
        Assert.True((await GetJsonAsync(user, "/api/v1/me/notifications")).GetProperty("reminders").GetBoolean());
        using var oneClick = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Cancellation);
        await oneClick.AssertStatusAsync(HttpStatusCode.OK);

        Assert.False((await GetJsonAsync(user, "/api/v1/me/notifications")).GetProperty("reminders").GetBoolean());
        await node.RunAtAsync("2025-03-02T15:31:00Z");
        Assert.Single(node.Inbox.To(user.Email));
        // Sixty days on, the link has expired: its page says so and its POST does nothing.
        node.App.Clock.SetUtcNow(DateTimeOffset.Parse("2025-05-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var expired = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([]), Cancellation);
        Assert.Equal($"{unsubscribe}?result=invalid", expired.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DoneLink_Changed_IsRefusedAndChecksNothing()
    {
        await using var node = await NodeAsync();
        var (user, goal, habit) = await HabitAsync(node, new[] { new { time = "07:30" } });
        await node.RunAtAsync("2025-03-01T15:31:00Z");
        var done = DoneLink(Assert.Single(node.Inbox.To(user.Email)));
        using var anonymous = node.App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var tampered = await anonymous.PostAsync(done[..^4] + "AAAA", new FormUrlEncodedContent([]), Cancellation);
        using var unsubscribeToken = await anonymous.PostAsync(done.Replace("/nudges/done/", "/unsubscribe/", StringComparison.Ordinal), new FormUrlEncodedContent([]), Cancellation);

        Assert.EndsWith("?result=invalid", tampered.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("?result=invalid", unsubscribeToken.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await ChecksAsync(user, goal, habit));
    }

    protected Task<NudgeNode> NodeAsync(NudgeNode? sameDatabaseAs = null) => NudgeNode.StartAsync(shared, sameDatabaseAs);

    protected static async Task<(TestUser User, string Goal, string Habit)> HabitAsync(NudgeNode node, object reminders)
    {
        var user = await node.App.CreateUserAsync(Zone);
        var goal = Id(await CreateGoalAsync(user, new { title = "Meditate" }));
        return (user, goal, await AddHabitAsync(user, goal, "Sit", reminders));
    }

    private static async Task<string> AddHabitAsync(TestUser user, string goal, string title, object reminders) =>
        Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title, times = 1, perDays = 1, reminders }));

    private static async Task<bool> WorkIngredientAsync(TestUser user, string goal) =>
        (await GetJsonAsync(user, $"/api/v1/goals/{goal}/recipe?asOf=2025-03-01")).GetProperty("ingredients").EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == "work").GetProperty("satisfied").GetBoolean();

    private static async Task<string[]> ChecksAsync(TestUser user, string goal, string habit) =>
        [.. (await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits/{habit}?asOf=2025-03-31")).GetProperty("checks").EnumerateArray().Select(d => d.GetString()!)];

    private static string DoneLink(MimeMessage email) => DoneLinkPattern().Match(email.TextBody ?? "").Value;

    [GeneratedRegex("/nudges/done/[A-Za-z0-9_-]+")]
    private static partial Regex DoneLinkPattern();
}

public sealed class ReminderTests_Sqlite(SqliteApp app) : ReminderTests(app);

public sealed class ReminderTests_Postgres(PostgresApp app) : ReminderTests(app)
{
    [Fact]
    public async Task Reminder_TwoNodesOnOneDatabase_SweepingAtOnce_SendOneEmail()
    {
        await using var first = await NodeAsync();
        await using var second = await NodeAsync(sameDatabaseAs: first);
        var (user, _, _) = await HabitAsync(first, new[] { new { time = "07:30" } });
        var at = DateTimeOffset.Parse("2025-03-01T15:31:00Z", System.Globalization.CultureInfo.InvariantCulture);
        first.App.Clock.SetUtcNow(at);
        second.App.Clock.SetUtcNow(at);

        await Task.WhenAll(first.RunAsync(), second.RunAsync(), first.RunAsync(), second.RunAsync());

        Assert.Single([.. first.Inbox.To(user.Email), .. second.Inbox.To(user.Email)]);
    }
}
