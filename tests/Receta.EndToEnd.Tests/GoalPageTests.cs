using Microsoft.Playwright;

namespace Receta.EndToEnd.Tests;

/// <summary>The goal page in Chromium: its forms change the goal, and axe finds nothing to fix.</summary>
public sealed class GoalPageTests(WebUi ui)
{
    [Fact]
    public async Task GoalPage_LogEntryAddDependentMilestoneRecordFailedAttempt_ShowsThemAll()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");

        var entry = page.Locator("#entry-form");
        await entry.GetByLabel("Value (km)").FillAsync("7");
        await entry.GetByLabel("Note").FillAsync("Long run");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=current]")).ToHaveTextAsync("12 km");

        var milestone = page.Locator("#milestone-form");
        await milestone.GetByLabel("Milestone").FillAsync("Run a half marathon");
        await milestone.GetByLabel("Depends on").SelectOptionAsync(new SelectOptionValue { Label = "Run 10 km without stopping" });
        await milestone.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var added = page.Locator(".milestone", new() { HasText = "Run a half marathon" });
        await Assertions.Expect(added.Locator("dt:text-is('Depends on') + dd")).ToHaveTextAsync("Run 10 km without stopping");
        await Assertions.Expect(added.Locator("dt:text-is('Waiting for') + dd")).ToHaveTextAsync("Run 10 km without stopping");

        var attempt = page.Locator("#attempt-form");
        await attempt.GetByLabel("Attempt").FillAsync("City 10K race");
        await attempt.GetByLabel("Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Not this time" });
        await attempt.GetByLabel("Feedback:").FillAsync("Started too fast");
        await attempt.GetByLabel("Lesson:").FillAsync("Pace the first kilometre");
        await attempt.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var recorded = page.Locator(".attempt", new() { HasText = "City 10K race" });
        await Assertions.Expect(recorded.GetByText("Attempt 1", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(recorded.Locator(".badge", new() { HasText = "Not this time" })).ToBeVisibleAsync();
        await Assertions.Expect(recorded.Locator(".lesson")).ToContainTextAsync("Pace the first kilometre");
    }

    [Theory]
    [InlineData(WebUi.DesktopWidth)]
    [InlineData(WebUi.PhoneWidth)]
    public async Task GoalPage_HasNoAccessibilityViolations(int width)
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync(width);
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");

        await Axe.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at {width} px.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebUi.ArtifactFolder("screenshots"), $"goal-page-{width}.png"), FullPage = true });
    }
}
