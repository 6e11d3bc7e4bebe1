using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>
/// Receta as an installed app on a phone with a flaky connection: the manifest and service worker
/// make it installable; the pages last seen open with no connection, under a banner; what is logged
/// without one is queued and arrives once, with its Idempotency-Key, when the connection returns.
/// </summary>
public sealed class OfflineTests(WebUi ui)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_ManifestIsValidTheServiceWorkerControlsThePagesAndChromiumFindsItInstallable()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);

        var manifest = await page.Context.APIRequest.GetAsync("/manifest.webmanifest");
        Assert.Equal(200, manifest.Status);
        Assert.StartsWith("application/manifest+json", manifest.Headers["content-type"], StringComparison.Ordinal);
        var app = JsonDocument.Parse(await manifest.TextAsync()).RootElement;
        Assert.Equal("Receta", app.GetProperty("name").GetString());
        Assert.Equal("/", app.GetProperty("start_url").GetString());
        Assert.Equal("standalone", app.GetProperty("display").GetString());
        foreach (var icon in app.GetProperty("icons").EnumerateArray())
        {
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0], CultureInfo.InvariantCulture);
            var png = await (await page.Context.APIRequest.GetAsync(icon.GetProperty("src").GetString()!)).BodyAsync();
            // A PNG's header gives its width and height, big-endian, at bytes 16 and 20.
            Assert.Equal((size, size), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        }

        await ControlledByTheServiceWorkerAsync(page);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var installability = await cdp.SendAsync("Page.getInstallabilityErrors");
        // A Playwright context is an off-the-record profile, where Chromium installs nothing: that is the one error allowed.
        Assert.Equal(["in-incognito"], installability!.Value.GetProperty("installabilityErrors").EnumerateArray()
            .Select(e => e.GetProperty("errorId").GetString()));
    }

    [Fact]
    public async Task Offline_TheDashboardLastSeenOpensUnderABannerAndWhatIsLoggedArrivesOnceBackOnline()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);
        await ControlledByTheServiceWorkerAsync(page);

        await GoOfflineAsync(page);
        await page.ReloadAsync();
        var banner = page.Locator("[data-offline-banner]");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Offline — last updated");
        await page.GetByRole(AriaRole.Button, new() { Name = "Done today: Go for a run" }).ClickAsync();
        await page.GetByLabel("Add km done today").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();
        await page.GetByLabel("Minutes worked today").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log work", Exact = true }).ClickAsync();
        var status = page.Locator("[data-queue]");
        await Assertions.Expect(status).ToContainTextAsync("Saved on this phone");
        await Assertions.Expect(status).ToContainTextAsync("Go for a run: done today; 7 km: Run a marathon; 25 min of work: Run a marathon");
        Assert.Empty(await EntriesAsync(user, goal, 7));

        await GoOnlineAsync(page);

        await Assertions.Expect(status).ToContainTextAsync("Sent what you saved offline: Go for a run: done today; 7 km: Run a marathon; 25 min of work: Run a marathon.");
        await Assertions.Expect(banner).ToBeHiddenAsync();
        Assert.Single(await EntriesAsync(user, goal, 7));
        Assert.Single(await WorkAsync(user, goal, 25));
        Assert.Single(await ChecksAsync(user, goal));

        // Sent again under the same keys (another tab, an answer lost on the way): nothing doubles.
        var sentAgain = await page.EvaluateAsync<int[]>("""
            async () => {
                const token = await (await fetch('/api/v1/auth/antiforgery')).json();
                const body = JSON.stringify({ date: new Date().toISOString().slice(0, 10), value: 7 });
                const once = { method: 'POST', body, headers: { 'Content-Type': 'application/json', [token.headerName]: token.token, 'Idempotency-Key': 'replayed-key' } };
                return [(await fetch(location.origin + '/api/v1/goals/GOAL/entries', once)).status, (await fetch(location.origin + '/api/v1/goals/GOAL/entries', once)).status];
            }
            """.Replace("GOAL", goal, StringComparison.Ordinal));
        Assert.Equal([201, 201], sentAgain);
        Assert.Equal(2, (await EntriesAsync(user, goal, 7)).Count);
    }

    [Fact]
    public async Task Offline_TheGoalPageQueuesAnEntryForTheDayChosenWorkATickAndASkipAndSendsEachOnce()
    {
        var user = await ui.App.CreateUserAsync();
        var goal = await Journeys.MarathonAsync(ui.App, user);
        using (var second = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits", new { title = "Stretch", times = 1, perDays = 1 }))
        {
            await second.AssertStatusAsync(System.Net.HttpStatusCode.Created);
        }
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/goals/{goal}");
        await ControlledByTheServiceWorkerAsync(page);
        // The phone's yesterday, as its date field takes it: the entry is for the day chosen, not the day sent.
        var yesterday = DateOnly.ParseExact(await page.EvaluateAsync<string>(
            "() => { const d = new Date(); d.setDate(d.getDate() - 1); return d.toLocaleDateString('en-CA'); }"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

        await GoOfflineAsync(page);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-offline-banner]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tick “Go for a run” for today" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip “Stretch” today" }).ClickAsync();
        var entry = page.Locator("#entry-form");
        await entry.GetByLabel("Date").FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await entry.GetByLabel("Value (km)").FillAsync("9.5");
        await entry.GetByLabel("Note").FillAsync("Hills, on the bus home");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var work = page.Locator("#work-form");
        await work.GetByLabel("Minutes").FillAsync("40");
        await work.GetByLabel("Milestone").SelectOptionAsync(new SelectOptionValue { Label = "Run 10 km without stopping" });
        await work.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var status = page.Locator("[data-queue]");
        var shownYesterday = yesterday.ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));
        await Assertions.Expect(status).ToContainTextAsync(
            $"Saved on this phone, to be sent when you are back online: Go for a run: done today; Stretch: skipped today; 9.5 km on {shownYesterday}: Run a marathon; 40 min of work on ");
        // The form is ready for the next one, and the answer stays in sight where the form was used.
        Assert.Equal("", await entry.GetByLabel("Value (km)").InputValueAsync());
        await Assertions.Expect(status).ToBeInViewportAsync();

        // What needs the server is not lost to the browser's "no internet" page: the page and what was typed stay.
        var addHabit = page.Locator("#add-habit-form");
        await addHabit.GetByLabel("Habit").FillAsync("Sleep eight hours");
        await addHabit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("You are offline, and this needs a connection: nothing was sent. Try again when you are back online.");
        Assert.Equal("Sleep eight hours", await addHabit.GetByLabel("Habit").InputValueAsync());
        Assert.Empty(await EntriesAsync(user, goal, 9.5));

        await GoOnlineAsync(page);

        await Assertions.Expect(status).ToContainTextAsync($"Sent what you saved offline: Go for a run: done today; Stretch: skipped today; 9.5 km on {shownYesterday}: Run a marathon; 40 min of work on ");
        var sentEntry = Assert.Single(await EntriesAsync(user, goal, 9.5));
        Assert.Equal(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sentEntry.GetProperty("date").GetString());
        Assert.Equal("Hills, on the bus home", sentEntry.GetProperty("note").GetString());
        var sentWork = Assert.Single(await WorkAsync(user, goal, 40));
        Assert.Equal(JsonValueKind.String, sentWork.GetProperty("milestoneId").ValueKind);
        using var habits = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits", Cancellation);
        var byTitle = (await habits.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToDictionary(h => h.GetProperty("title").GetString()!);
        Assert.Single(byTitle["Go for a run"].GetProperty("checks").EnumerateArray());
        Assert.Single(byTitle["Stretch"].GetProperty("skips").EnumerateArray());
        Assert.False(byTitle.ContainsKey("Sleep eight hours"));
    }

    [Fact]
    public async Task SignOut_ForgetsThePagesKeptOnThisPhone()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await WebUi.SignInAsync(page, user);
        await ControlledByTheServiceWorkerAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("async () => (await (await caches.open('receta-pages')).keys()).length > 0"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await (await caches.open('receta-pages')).keys()).length"));
    }

    /// <summary>Waits for the service worker to be active, then reads the page again through it, which keeps it.</summary>
    private static async Task ControlledByTheServiceWorkerAsync(IPage page)
    {
        // Registered by app.js on every page; a registration that fails says why rather than waiting forever.
        Assert.Equal("activated", await page.EvaluateAsync<string>("""
            async () => {
                try {
                    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
                } catch (refused) {
                    return `not registered: ${refused.message}`;
                }
                const ready = await navigator.serviceWorker.ready;
                return ready.active.state;
            }
            """));
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"));
    }

    // Chromium's offline emulation does not reach a service worker's own requests, so every request
    // is also failed as a lost connection fails it (Playwright routes a service worker's requests
    // with its service worker network events on).
    private static async Task GoOfflineAsync(IPage page)
    {
        await page.Context.SetOfflineAsync(true);
        await page.Context.RouteAsync("**", Disconnected);
    }

    private static async Task GoOnlineAsync(IPage page)
    {
        await page.Context.UnrouteAsync("**", Disconnected);
        await page.Context.SetOfflineAsync(false);
    }

    private static Task Disconnected(IRoute route) => route.AbortAsync("internetdisconnected");

    private static async Task<List<JsonElement>> EntriesAsync(TestUser user, string goal, double value)
    {
        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/entries", Cancellation);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Where(e => e.GetProperty("value").GetDouble() == value)];
    }

    private static async Task<List<JsonElement>> WorkAsync(TestUser user, string goal, int minutes)
    {
        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/work", Cancellation);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Where(w => w.GetProperty("minutes").GetInt32() == minutes)];
    }

    private static async Task<List<JsonElement>> ChecksAsync(TestUser user, string goal)
    {
        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/habits", Cancellation);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Single().GetProperty("checks").EnumerateArray()];
    }
}
