using System.Globalization;
using System.Net;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>The goal page with every edit and delete form of its lists open: axe finds nothing to fix, and it fits a phone.</summary>
public sealed class ItemEditAccessibilityTests(WebUi ui)
{
    [Theory]
    [InlineData(WebUi.DesktopWidth)]
    [InlineData(WebUi.PhoneWidth)]
    public async Task GoalPage_EveryItemFormOpen_HasNoAccessibilityViolations(int width)
    {
        var owner = await ui.App.CreateUserAsync();
        var friend = await ui.App.CreateUserAsync(displayName: "Lupe");
        var goal = await Journeys.MarathonAsync(ui.App, owner);
        var today = DateOnly.FromDateTime(ui.App.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = today, minutes = 40, note = "Tempo run" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "City 10K race", date = today, outcome = "failed", feedback = "Too fast", lesson = "Pace it" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = friend.Email, role = "mentor" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/skills",
            new { name = "Pacing", level = 1, targetLevel = 4, resources = new[] { new { title = "Pace chart", url = "https://example.com/pace" } } });
        var page = await ui.NewPageAsync(width);
        await WebUi.SignInAsync(page, owner);
        await page.GotoAsync($"/goals/{goal}");
        await page.Locator(".habit").First.GetByRole(Microsoft.Playwright.AriaRole.Button).First.ClickAsync();
        // The tick posts and the page comes back: count the forms once it is whole again, not mid-way.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('details').length >= 9");

        var opened = await page.EvaluateAsync<int>("() => { const all = document.querySelectorAll('details'); all.forEach(d => d.open = true); return all.length; }");

        // The goal, a sub-goal, the entry, the milestone, the skill, the session, the habit, the attempt, the member: each opens its forms.
        Assert.True(opened >= 9, $"Only {opened} edit or delete forms to open.");
        await Axe.AssertNoViolationsAsync(page);
        foreach (var section in new[] { "purpose", "progress", "roadmap", "preparation", "work", "perseverance", "circle" })
        {
            await page.Locator($"#{section}").ScreenshotAsync(new() { Path = Path.Combine(WebUi.ArtifactFolder("screenshots"), $"goal-page-{section}-open-forms-{width}.png") });
        }
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at {width} px: {widest}.");
    }

    private static async Task PostAsync(TestUser user, string path, object body)
    {
        using var response = await user.Api.PostJsonAsync(path, body);
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }
}
