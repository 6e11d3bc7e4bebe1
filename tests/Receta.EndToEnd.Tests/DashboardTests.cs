using Receta.Testing;
using Microsoft.Playwright;

namespace Receta.EndToEnd.Tests;

public sealed class DashboardTests(WebUi ui)
{
    [Fact]
    public async Task Dashboard_SignedOut_SendsToSignIn()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/");

        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CreateGoal_FromTheDashboard_ShowsItsCard()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        await page.GetByLabel("What do you want to achieve?").FillAsync("Read 12 books");
        await page.GetByLabel("Measure it in (optional)").FillAsync("books");
        await page.GetByLabel("Target (optional)").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create goal" }).ClickAsync();

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Read 12 books" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("Open")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("0% done")).ToBeVisibleAsync();
        Assert.Matches("/goals/[0-9a-f-]{36}$", await card.GetByRole(AriaRole.Link, new() { Name = "Read 12 books" }).GetAttributeAsync("href"));
    }

    [Fact]
    public async Task CreateGoal_WithoutTitle_SaysWhatIsMissing()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create goal" }).ClickAsync();

        await Assertions.Expect(page.Locator("#title-error")).ToHaveTextAsync("Give the goal a title (up to 200 characters).");
    }

    [Fact]
    public async Task Card_OfAGoalWithARoad_ShowsStatusPercentBufferNextMilestoneAndRecipe()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" });
        await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Ahead|On track|Behind|Off track"));
        await Assertions.Expect(card.GetByText("12% done")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("Run 10 km without stopping")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("of 6 ingredients")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("days ahead of the road")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TickHabit_FromTheDashboard_MarksItDoneToday()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        await page.GetByRole(AriaRole.Button, new() { Name = "Done today: Go for a run" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Go for a run: done today")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Done today: Go for a run" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LogEntry_FromTheDashboard_MovesThePercent()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" });
        await card.GetByLabel("Add km done today").FillAsync("16");
        await card.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" }).GetByText("50% done")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LogWork_FromTheDashboard_IsInTheGoalsWorkLog()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" });
        await card.GetByLabel("Minutes worked today").FillAsync("45");
        await card.GetByRole(AriaRole.Button, new() { Name = "Log work" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        using var work = await user.Api.GetAsync($"/api/v1/goals/{goal}/work", TestContext.Current.CancellationToken);
        await work.AssertStatusAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal(45, (await work.ReadJsonAsync()).GetProperty("totalMinutes").GetInt32());
        await Assertions.Expect(page.Locator(".form-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LogWork_FromTheDashboard_TooManyMinutes_SaysWhyAndLogsNothing()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" });
        await card.GetByLabel("Minutes worked today").FillAsync("2000");
        await card.GetByRole(AriaRole.Button, new() { Name = "Log work" }).ClickAsync();

        await Assertions.Expect(page.Locator(".form-error")).ToHaveTextAsync("Enter the minutes as a whole number from 1 to 1,440.");
        using var work = await user.Api.GetAsync($"/api/v1/goals/{goal}/work", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await work.ReadJsonAsync()).GetProperty("totalMinutes").GetInt32());
    }

    [Fact]
    public async Task Spanish_FromTheBrowserOrTheSwitch_ShowsTheDashboardInSpanish()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);

        var spanishBrowser = await ui.NewPageAsync(locale: "es-MX");
        await WebUi.SignInAsyncInSpanish(spanishBrowser, user);
        await Assertions.Expect(spanishBrowser.GetByRole(AriaRole.Heading, new() { Name = "Tus metas", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("es", await spanishBrowser.Locator("html").GetAttributeAsync("lang"));

        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tus metas", Level = 1 })).ToBeVisibleAsync();
        var card = page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" });
        await Assertions.Expect(card.GetByText("Hábitos de hoy")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("12 % hecho")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hecho hoy: Go for a run" })).ToBeVisibleAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Keyboard_TabFromTheTop_ReachesTheMainActionsInOrder()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        var reached = new List<string>();
        for (var i = 0; i < 17; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return (e.labels && e.labels[0] ? e.labels[0].textContent : e.textContent).trim(); }"));
        }

        Assert.Equal(
            [
                "Skip to main content", "Receta", "Dashboard", "Import and export", "Profile", "Español", "Português (Brasil)", "Sign out",
                "Run a marathon", "Done today: Go for a run", "Add km done today", "Log", "Minutes worked today", "Log work",
                "What do you want to achieve?", "Measure it in (optional)", "Target (optional)",
            ],
            reached);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#title-error")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SkipLink_MovesFocusToTheMainContent()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
