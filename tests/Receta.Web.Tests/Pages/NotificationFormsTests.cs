using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Pages;

/// <summary>The email settings on the profile page, with JavaScript off, through the handler of PATCH /me/notifications.</summary>
public abstract class NotificationFormsTests(RecetaApp app)
{
    [Fact]
    public async Task Notifications_Saved_ChangeTheSettings_AndAWrongOneIsNamedAndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");
        Assert.Contains("name=\"Notifications.Reminders\" value=\"true\" checked", html, StringComparison.Ordinal);

        var (refused, page, _) = await browser.SubmitAsync("/profile", html, "notifications",
            ("Notifications.Reminders", "true"), ("Notifications.RiskPercent", "150"), ("Notifications.DigestDay", "sun"), ("Notifications.DigestHour", "18"));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("id=\"riskThreshold-error\">Enter a percentage from 0 to 100.", page, StringComparison.Ordinal);
        Assert.Equal(0.5, (await GetJsonAsync(user, "/api/v1/me/notifications")).GetProperty("riskThreshold").GetDouble());

        var (saved, _, location) = await browser.SubmitAsync("/profile", html, "notifications",
            ("Notifications.RiskAlerts", "true"), ("Notifications.RiskPercent", "30"), ("Notifications.DigestDay", "fri"), ("Notifications.DigestHour", "7"),
            ("Notifications.QuietFrom", "22:00"), ("Notifications.QuietTo", "07:00"));
        var (_, after) = await browser.GetAsync(location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, saved);
        Assert.Contains("Your email settings are saved.", after, StringComparison.Ordinal);
        Assert.Equal(
            """{"reminders":false,"riskAlerts":true,"riskThreshold":0.3,"digest":{"weekday":"fri","hour":7},"circleDigest":false,"circleNews":false,"quietHours":{"from":"22:00","to":"07:00"}}""",
            (await GetJsonAsync(user, "/api/v1/me/notifications")).GetRawText());
        Assert.Contains("name=\"Notifications.QuietFrom\" value=\"22:00\"", after, StringComparison.Ordinal);
    }
}

public sealed class NotificationFormsTests_Sqlite(SqliteApp app) : NotificationFormsTests(app);

public sealed class NotificationFormsTests_Postgres(PostgresApp app) : NotificationFormsTests(app);
