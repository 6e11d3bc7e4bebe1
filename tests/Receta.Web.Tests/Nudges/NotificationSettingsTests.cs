using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Nudges;

/// <summary>The notification settings and a habit's reminders through the API (connections.md §4).</summary>
public abstract class NotificationSettingsTests(RecetaApp app)
{
    [Fact]
    public async Task Settings_New_AreTheDefaults()
    {
        var user = await app.CreateUserAsync();

        var settings = await GetJsonAsync(user, "/api/v1/me/notifications");

        Assert.Equal(
            """{"reminders":true,"riskAlerts":true,"riskThreshold":0.5,"digest":{"weekday":"sun","hour":18},"circleDigest":false,"circleNews":true,"quietHours":null}""",
            settings.GetRawText());
    }

    [Fact]
    public async Task Settings_Patch_ChangesWhatItNames_AndKeepsTheRest()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PatchJsonAsync("/api/v1/me/notifications",
            new { riskThreshold = 0.3, quietHours = new { from = "22:00", to = "07:00" }, digest = new { hour = 9 }, circleDigest = true });
        await response.AssertStatusAsync(HttpStatusCode.OK);
        using var off = await user.Api.PatchJsonAsync("/api/v1/me/notifications", new Dictionary<string, object?> { ["digest"] = null, ["reminders"] = false });
        await off.AssertStatusAsync(HttpStatusCode.OK);

        var settings = await GetJsonAsync(user, "/api/v1/me/notifications");
        Assert.Equal(0.3, settings.GetProperty("riskThreshold").GetDouble());
        Assert.Equal("""{"from":"22:00","to":"07:00"}""", settings.GetProperty("quietHours").GetRawText());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("digest").ValueKind);
        Assert.False(settings.GetProperty("reminders").GetBoolean());
        Assert.True(settings.GetProperty("circleDigest").GetBoolean());
        Assert.True(settings.GetProperty("riskAlerts").GetBoolean());
    }

    [Theory]
    [InlineData("""{"riskThreshold":1.5}""", "riskThreshold")]
    [InlineData("""{"quietHours":{"from":"25:00","to":"07:00"}}""", "quietHours.from")]
    [InlineData("""{"quietHours":{"from":"22:00"}}""", "quietHours.to")]
    // A valid patch among the invalid ones: the test tells them apart.
    [InlineData("""{"digest":null}""", null)]
    [InlineData("""{"digest":{"weekday":"sun","hour":24}}""", "digest.hour")]
    [InlineData("""{"reminders":null}""", "reminders")]
    [InlineData("""{"digest":{"weekday":"someday","hour":9}}""", "digest.weekday")]
    public async Task Settings_PatchInvalid_Returns400NamingTheField_AndChangesNothing(string patch, string? field)
    {
        var user = await app.CreateUserAsync();
        using var content = new StringContent(patch, System.Text.Encoding.UTF8, "application/merge-patch+json");
        var before = (await GetJsonAsync(user, "/api/v1/me/notifications")).GetRawText();

        using var response = await user.Api.PatchAsync("/api/v1/me/notifications", content, TestContext.Current.CancellationToken);

        if (field is null)
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
            return;
        }
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await GetJsonAsync(user, "/api/v1/me/notifications")).GetRawText());
    }

    [Fact]
    public async Task HabitReminders_AddedThenPatched_AreReplacedWhole_AndShownToTheOwnerOnly()
    {
        var owner = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Meditate" }));
        var habit = await PostAsync(owner, $"/api/v1/goals/{goal}/habits",
            new { title = "Sit", times = 1, perDays = 1, reminders = new object[] { new { time = "19:00" }, new { time = "07:30", weekdays = new[] { "sat", "mon" } } } });
        Assert.Equal(
            """[{"time":"07:30","weekdays":["mon","sat"]},{"time":"19:00","weekdays":["mon","tue","wed","thu","fri","sat","sun"]}]""",
            habit.GetProperty("reminders").GetRawText());

        using var renamed = await owner.Api.PatchJsonAsync($"/api/v1/goals/{goal}/habits/{Id(habit)}", new { title = "Sit still" });
        Assert.Equal(2, (await renamed.ReadJsonAsync()).GetProperty("reminders").GetArrayLength());
        using var replaced = await owner.Api.PatchJsonAsync($"/api/v1/goals/{goal}/habits/{Id(habit)}", new { reminders = new[] { new { time = "06:15" } } });
        Assert.Equal("06:15", Assert.Single((await replaced.ReadJsonAsync()).GetProperty("reminders").EnumerateArray()).GetProperty("time").GetString());

        var viewer = await app.CreateUserAsync();
        await Pages.GoalPageApi.JoinAsync(owner, viewer, goal, "viewer");
        var seen = await GetJsonAsync(viewer, $"/api/v1/goals/{goal}/habits/{Id(habit)}");
        Assert.Equal("[]", seen.GetProperty("reminders").GetRawText());
    }

    [Theory]
    [InlineData("""[{"time":"7:30"}]""", "reminders[0].time")]
    [InlineData("""[{"time":"07:30"},{"time":"07:30","weekdays":["mon"]}]""", "reminders[1].time")]
    [InlineData("""[{"time":"07:30","weekdays":[]}]""", "reminders[0].weekdays")]
    [InlineData("""[{"time":"01:00"},{"time":"02:00"},{"time":"03:00"},{"time":"04:00"},{"time":"05:00"}]""", "reminders")]
    [InlineData("""[null]""", "reminders[0]")]
    public async Task HabitReminders_Invalid_Return400NamingTheField_AndChangeNothing(string reminders, string field)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Meditate" }));
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1, reminders = new[] { new { time = "08:00" } } }));
        using var content = new StringContent($$"""{"title":"Changed","reminders":{{reminders}}}""", System.Text.Encoding.UTF8, "application/merge-patch+json");

        using var response = await user.Api.PatchAsync($"/api/v1/goals/{goal}/habits/{habit}", content, TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        var after = await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits/{habit}");
        Assert.Equal("Sit", after.GetProperty("title").GetString());
        Assert.Equal("""[{"time":"08:00","weekdays":["mon","tue","wed","thu","fri","sat","sun"]}]""", after.GetProperty("reminders").GetRawText());
    }
}

public sealed class NotificationSettingsTests_Sqlite(SqliteApp app) : NotificationSettingsTests(app);

public sealed class NotificationSettingsTests_Postgres(PostgresApp app) : NotificationSettingsTests(app);
