using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>axe-core, run in the page, finds no WCAG 2.2 A/AA violation on the main pages (the goal page's own checks are in <see cref="GoalPageTests"/>).</summary>
public sealed class AccessibilityTests(WebUi ui)
{
    [Theory]
    [InlineData("/signin", WebUi.DesktopWidth, "en-US")]
    [InlineData("/signup", WebUi.DesktopWidth, "en-US")]
    [InlineData("/signin", WebUi.PhoneWidth, "en-US")]
    [InlineData("/signup", WebUi.PhoneWidth, "en-US")]
    [InlineData("/signin", WebUi.PhoneWidth, "es-ES")]
    [InlineData("/signup", WebUi.PhoneWidth, "es-ES")]
    public async Task SignedOutPage_HasNoViolations(string path, int width, string locale)
    {
        var page = await ui.NewPageAsync(width, locale);
        await page.GotoAsync(path);

        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData(WebUi.DesktopWidth, "en-US")]
    [InlineData(WebUi.PhoneWidth, "en-US")]
    [InlineData(WebUi.PhoneWidth, "es-ES")]
    public async Task Dashboard_WithAGoal_HasNoViolations(int width, string locale)
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync(width, locale);
        if (locale.StartsWith("es", StringComparison.Ordinal))
        {
            await WebUi.SignInAsyncInSpanish(page, user);
        }
        else
        {
            await WebUi.SignInAsync(page, user);
        }

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Profile_HasNoViolations()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync("/profile");

        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>José's journey fills every section (done and late milestones, attempts, habits, a circle), so it checks what a new goal cannot show.</summary>
    [Theory]
    [InlineData(WebUi.DesktopWidth, "en-US")]
    [InlineData(WebUi.PhoneWidth, "en-US")]
    [InlineData(WebUi.DesktopWidth, "es-ES")]
    [InlineData(WebUi.PhoneWidth, "es-ES")]
    public async Task DemoGoalPage_HasNoViolations(int width, string locale)
    {
        var page = await ui.NewPageAsync(width, locale);
        if (locale.StartsWith("es", StringComparison.Ordinal))
        {
            await WebUi.SignInToTheDemoAsyncInSpanish(page);
        }
        else
        {
            await WebUi.SignInToTheDemoAsync(page);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Become a NASA astronaut", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/goals/", StringComparison.Ordinal));

        await Axe.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide at {width} px.");
    }

    [Theory]
    [InlineData(WebUi.DesktopWidth, "en-US")]
    [InlineData(WebUi.PhoneWidth, "es-ES")]
    public async Task InvitationPage_HasNoViolations(int width, string locale)
    {
        var owner = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, owner);
        var friend = await ui.App.CreateUserAsync();
        using var invited = await owner.Api.PostJsonAsync($"/api/v1/goals/{goal}/circle", new { email = friend.Email, role = "mentor" });
        await invited.AssertStatusAsync(System.Net.HttpStatusCode.Created);
        var invitation = (await invited.ReadJsonAsync()).GetProperty("id").GetString();
        var page = await ui.NewPageAsync(width, locale);
        if (locale.StartsWith("es", StringComparison.Ordinal))
        {
            await WebUi.SignInAsyncInSpanish(page, friend);
        }
        else
        {
            await WebUi.SignInAsync(page, friend);
        }
        await page.GotoAsync($"/invitations/{invitation}");

        await Assertions.Expect(page.Locator("form button[type=submit].primary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Dashboard_AtPhoneWidth_NeedsNoSidewaysScrolling()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }
}
