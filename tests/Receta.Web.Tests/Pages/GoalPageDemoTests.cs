using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Receta.Data;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>The goal page of the demo, José's journey (283 monthly entries over 24 years): complete, and light.</summary>
public sealed partial class GoalPageDemoTests : IAsyncLifetime
{
    /// <summary>
    /// What the page costs a phone: its HTML, compressed, stays under this many bytes. It carries its
    /// own styles (about 4 KB compressed, once a second request), so that it paints from this answer.
    /// </summary>
    private const int MaxTransferBytes = 24_000;

    /// <summary>And its HTML, as the browser holds it, under this many.</summary>
    private const int MaxHtmlBytes = 250_000;
    private const string DemoEmail = "demo@receta.example";
    private const string DemoPassword = "apollo-17-dreamer";

    private readonly RecetaApp _app = new(DatabaseProvider.Sqlite) { Demo = true };

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_DemoGoal_ShowsEveryIngredientWithChartsOfAtMost200PointsIn24KBCompressed()
    {
        using var client = _app.CreateApiClient();
        using var token = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = DemoEmail, password = DemoPassword, name = "demo" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
        using var demo = _app.CreateApiClient((await token.ReadJsonAsync()).GetProperty("token").GetString());
        using var goals = await demo.GetAsync("/api/v1/goals", TestContext.Current.CancellationToken);
        var goal = (await goals.ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        using var browser = new PageBrowser(_app, "en");
        await browser.SignInAsync(DemoEmail, DemoPassword);

        var (status, html) = await browser.GetAsync($"/goals/{goal}");
        var (lookBackStatus, lookBack) = await browser.GetAsync($"/goals/{goal}?asOf=2002-10-15");
        var (compressedStatus, encoding, transferred) = await browser.GetCompressedAsync($"/goals/{goal}");
        var bytes = Encoding.UTF8.GetByteCount(html);
        TestContext.Current.SendDiagnosticMessage(
            $"Demo goal page: {bytes:N0} bytes of HTML, {transferred:N0} sent ({encoding}); as of 2002-10-15: {Encoding.UTF8.GetByteCount(lookBack):N0}.");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, lookBackStatus);
        Assert.Equal(HttpStatusCode.OK, compressedStatus);
        Assert.Equal("br", encoding);
        Assert.True(transferred < MaxTransferBytes, $"The demo goal page sends {transferred:N0} bytes.");
        Assert.True(bytes < MaxHtmlBytes, $"The demo goal page is {bytes:N0} bytes.");
        Assert.Contains("Become a NASA astronaut", html, StringComparison.Ordinal);
        Assert.Contains("Attempt 12", html, StringComparison.Ordinal);
        Assert.All(PolylinePoints().Matches(html), line => Assert.InRange(line.Groups[1].Value.Split(' ').Length, 2, 200));
        Assert.Contains("<rect class=\"heat-", lookBack, StringComparison.Ordinal);
        Assert.Matches("<rect class=\"heat-[1-4]\"", lookBack);
    }

    [GeneratedRegex("<polyline class=\"line-value\" fill=\"none\" points=\"([^\"]+)\"")]
    private static partial Regex PolylinePoints();
}
