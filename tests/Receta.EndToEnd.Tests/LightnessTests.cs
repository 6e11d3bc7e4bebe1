using System.Globalization;
using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>The dashboard stays light, works without JavaScript, and is recorded in screenshots.</summary>
public sealed class LightnessTests(WebUi ui, ITestOutputHelper output)
{
    /// <summary>Issue 4: the demo's dashboard is at most 150 KB transferred, compressed, with a cold cache.</summary>
    public const long MaxDashboardBytes = 150 * 1024;

    [Fact]
    public async Task Dashboard_ColdCache_TransfersAtMost150KB()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        await Journeys.MarathonAsync(ui.App, user, "Learn to swim");
        var signedIn = await ui.NewPageAsync();
        await WebUi.SignInAsync(signedIn, user);

        // A new context has an empty cache; it gets only the session cookies.
        var page = await ui.NewPageAsync();
        await page.Context.AddCookiesAsync((await signedIn.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        long total = 0;
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            output.WriteLine($"{response.Status} {response.Url}: {sizes.ResponseBodySize} B body, {sizes.ResponseHeadersSize} B headers");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dashboard, cold cache: {responses.Count} responses, {total} B ({total / 1024.0:F1} KB) transferred."));
        File.WriteAllText(Path.Combine(WebUi.ArtifactFolder("measurements"), "dashboard-transfer.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{total} bytes in {responses.Count} responses{Environment.NewLine}"));

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.InRange(total, 1, MaxDashboardBytes);
    }

    [Fact]
    public async Task Dashboard_WithoutJavaScript_TicksAHabit()
    {
        var user = await ui.App.CreateUserAsync();
        await Journeys.MarathonAsync(ui.App, user);
        var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ui.App.ServerAddress.ToString(),
            JavaScriptEnabled = false,
            IgnoreHTTPSErrors = true,
            // Each context stands for a device of its own, so the per-address sign-in limit sees many.
            ExtraHTTPHeaders = new Dictionary<string, string> { [RecetaApp.ClientAddressHeader] = ui.App.NewClientAddress() },
        });
        var page = await context.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        await page.GetByRole(AriaRole.Button, new() { Name = "Done today: Go for a run" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Go for a run: done today")).ToBeVisibleAsync();
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Screenshots_OfTheDashboard_AreSavedForDesktopAndPhone()
    {
        var user = await ui.App.CreateUserAsync(displayName: "José");
        await Journeys.MarathonAsync(ui.App, user);
        await Journeys.MarathonAsync(ui.App, user, "Learn to swim");
        var folder = WebUi.ArtifactFolder("screenshots");

        foreach (var (width, name) in new[] { (WebUi.DesktopWidth, "dashboard-desktop.png"), (WebUi.PhoneWidth, "dashboard-phone.png") })
        {
            var page = await ui.NewPageAsync(width);
            await WebUi.SignInAsync(page, user);
            var path = Path.Combine(folder, name);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 1000, path);
            output.WriteLine(path);
        }
    }
}
