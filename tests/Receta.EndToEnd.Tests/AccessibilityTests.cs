using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>
/// axe-core, run in the page, finds no WCAG 2.2 A/AA violation on the main pages, in the light and
/// the dark theme, in every language, at phone and desktop widths (the goal page's own checks are
/// in <see cref="GoalPageTests"/>).
/// </summary>
public sealed class AccessibilityTests(WebUi ui)
{
    /// <summary>Every language the pages speak, as a browser asks for it, and the name of its culture.</summary>
    public static readonly (string Locale, string Culture)[] Languages = [("en-US", "en"), ("es-ES", "es"), ("pt-BR", "pt-BR")];

    public static TheoryData<int, string> WidthsAndLanguages()
    {
        var data = new TheoryData<int, string>();
        foreach (var width in new[] { WebUi.PhoneWidth, WebUi.DesktopWidth })
        {
            foreach (var (_, culture) in Languages)
            {
                data.Add(width, culture);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WidthsAndLanguages))]
    public async Task SignedOutPages_InBothThemes_HaveNoViolations(int width, string culture)
    {
        var page = await ui.NewPageAsync(width, Languages.Single(l => l.Culture == culture).Locale);

        foreach (var path in new[] { "/signin", "/signup" })
        {
            await page.GotoAsync(path);
            await AssertInBothThemesAsync(page, width, culture);
        }
    }

    /// <summary>
    /// The demo's pages, where José's journey fills every section (done and late milestones,
    /// attempts, habits, a circle), in each language, light and dark.
    /// </summary>
    [Theory]
    [MemberData(nameof(WidthsAndLanguages))]
    public async Task MainPages_InBothThemes_HaveNoViolations(int width, string culture)
    {
        var page = await ui.NewPageAsync(width);
        await WebUi.SignInToTheDemoAsync(page);
        var goal = new Uri(await page.GetByRole(AriaRole.Link, new() { Name = "Become a NASA astronaut", Exact = true })
            .EvaluateAsync<string>("a => a.href")).AbsolutePath;
        // The header's language link, as a person switches.
        await page.GotoAsync($"/culture?c={culture}&redirect=/");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);

        foreach (var path in new[] { "/", goal, "/profile", "/imports" })
        {
            await page.GotoAsync(path);
            await AssertInBothThemesAsync(page, width, culture);
        }
    }

    [Fact]
    public async Task Dashboard_WithAGoalAndHabit_HasNoViolations()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);

        await AssertInBothThemesAsync(page, WebUi.PhoneWidth, "en");
    }

    /// <summary>axe in the light theme and then the dark one (the device's preference), and no sideways scrolling in either.</summary>
    private static async Task AssertInBothThemesAsync(IPage page, int width, string culture)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var where = $"{new Uri(page.Url).AbsolutePath} in {culture}, {scheme}, {width} px";
            // The page is drawn in that theme: its background is the theme's wash.
            Assert.Equal(scheme == ColorScheme.Dark ? "rgb(13, 17, 23)" : "rgb(246, 248, 250)",
                await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
            try
            {
                await Axe.AssertNoViolationsAsync(page);
            }
            catch (Xunit.Sdk.XunitException violations)
            {
                throw new Xunit.Sdk.XunitException($"{where}:{Environment.NewLine}{violations.Message}");
            }
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{where}: the page is {scrollWidth} px wide.");
        }
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
