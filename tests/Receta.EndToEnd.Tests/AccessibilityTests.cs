using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Receta.EndToEnd.Tests;

/// <summary>axe-core, run in the page, finds no WCAG 2.2 A/AA violation on the main pages.</summary>
public sealed class AccessibilityTests(WebUi ui)
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Theory]
    [InlineData("/signin", WebUi.DesktopWidth)]
    [InlineData("/signup", WebUi.DesktopWidth)]
    [InlineData("/signin", WebUi.PhoneWidth)]
    public async Task SignedOutPage_HasNoViolations(string path, int width)
    {
        var page = await ui.NewPageAsync(width);
        await page.GotoAsync(path);

        AssertNoViolations(await page.RunAxe(Wcag22AA));
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

        AssertNoViolations(await page.RunAxe(Wcag22AA));
    }

    [Fact]
    public async Task Profile_HasNoViolations()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync("/profile");

        AssertNoViolations(await page.RunAxe(Wcag22AA));
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

    private static void AssertNoViolations(AxeResult result) =>
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
}
