using System.Globalization;
using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>The goal page with every edit and delete form of its lists open: axe finds nothing to fix, and it fits a phone.</summary>
public sealed class ItemEditAccessibilityTests(WebUi ui)
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

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
        var page = await ui.NewPageAsync(width);
        await WebUi.SignInAsync(page, owner);
        await page.GotoAsync($"/goals/{goal}");
        await page.Locator(".habit").First.GetByRole(Microsoft.Playwright.AriaRole.Button).First.ClickAsync();

        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
        var result = await page.RunAxe(Wcag22AA);

        Assert.True(result.Violations.Length == 0,
            string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
        foreach (var section in new[] { "work", "perseverance", "circle" })
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
