using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>
/// What a person sees when a page is not for them: signed out, they are sent to sign in and back;
/// a goal they may not read, or an address that does not exist, is an HTML "not found" page in their
/// language; a forbidden action, an HTML 403 page. The API keeps answering programs with problem details.
/// </summary>
public abstract class ErrorPageTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetGoalPage_SignedOut_RedirectsToSignInAndBackToTheGoal()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var browser = new PageBrowser(app, "en");

        var (status, _, _, location) = await browser.GetResponseAsync($"/goals/{goal}?asOf=2025-02-01");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"/signin?returnUrl={Uri.EscapeDataString($"/goals/{goal}?asOf=2025-02-01")}", location?.OriginalString);
    }

    [Fact]
    public async Task GetGoalApi_SignedOut_StillAnswers401ProblemDetailsWithABearerChallenge()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync($"/api/v1/goals/{goal}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", string.Join(',', response.Headers.WwwAuthenticate));
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlToAnotherSite_GoesHomeInstead()
    {
        var user = await app.CreateUserAsync();
        using var browser = new PageBrowser(app, "en");
        var (_, html) = await browser.GetAsync("/signin?returnUrl=%2F%2Fevil.example%2Fphish");

        var (status, _, location) = await browser.SubmitAsync("/signin?returnUrl=%2F%2Fevil.example%2Fphish", html, "signin",
            ("Form.Email", user.Email), ("Form.Password", user.Password));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", location?.IsAbsoluteUri == true ? location.AbsolutePath : location?.OriginalString);
    }

    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("es", "Página no encontrada")]
    public async Task GetGoalPage_Stranger_ShowsTheLocalizedNotFoundPageWithALinkHome(string language, string heading)
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var browser = new PageBrowser(app, language);
        await browser.SignInAsync(stranger);

        var (status, body, contentType, _) = await browser.GetResponseAsync($"/goals/{goal}");
        var html = WebUtility.HtmlDecode(body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Learn the guitar", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGoalPage_UnknownGoal_LooksTheSameAsAGoalOfSomeoneElse()
    {
        var user = await app.CreateUserAsync();
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(user);

        var (status, html, contentType, _) = await browser.GetResponseAsync($"/goals/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Page not found")]
    [InlineData("es", "Página no encontrada")]
    public async Task GetUnknownPath_ShowsTheLocalizedNotFoundPage(string language, string heading)
    {
        using var browser = new PageBrowser(app, language);

        var (status, body, contentType, _) = await browser.GetResponseAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains($"<h1>{heading}</h1>", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUnknownApiPath_StillAnswers404ProblemDetails()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync("/api/v1/no-such-thing", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostGoalForm_ViewerForgesAnEdit_IsRefusedWithAnHtmlPageAndNothingChanges()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var invitation = await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = viewer.Email, role = "viewer" });
        using (var accepted = await viewer.Api.PostAsync($"/api/v1/invitations/{invitation.GetProperty("id").GetString()}/accept", null, Cancellation))
        {
            await accepted.AssertStatusAsync(HttpStatusCode.OK);
        }
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(viewer);
        var token = await browser.ApiAntiforgeryTokenAsync();

        var (status, html, _) = await browser.PostAsync($"/goals/{goal}",
            [("_handler", "entry"), ("__RequestVerificationToken", token), ("Entry.Date", "2025-02-20"), ("Entry.Value", "50")]);
        using var entries = await owner.Api.GetAsync($"/api/v1/goals/{goal}/entries", Cancellation);

        // The viewer's page has no such form: the post is refused before any handler sees it.
        Assert.True((int)status is >= 400 and < 500, $"A forged post is refused, not {status}.");
        Assert.Contains("<h1>That did not work</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">", html, StringComparison.Ordinal);
        Assert.Equal(0, (await entries.ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("en", "Not allowed")]
    [InlineData("es", "No permitido")]
    public async Task GetForbiddenPage_ShowsTheLocalized403Page(string language, string heading)
    {
        using var browser = new PageBrowser(app, language);

        var (status, body, contentType, _) = await browser.GetResponseAsync("/error/403");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains($"<h1>{heading}</h1>", WebUtility.HtmlDecode(body), StringComparison.Ordinal);
    }

    private static async Task<string> CreateGoalAsync(TestUser owner) =>
        (await PostAsync(owner, "/api/v1/goals", new
        {
            title = "Learn the guitar",
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" },
        })).GetProperty("id").GetString()!;

    private static async Task<JsonElement> PostAsync(TestUser user, string path, object body)
    {
        using var response = await user.Api.PostJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadJsonAsync();
    }
}

public sealed class ErrorPageTests_Sqlite(SqliteApp app) : ErrorPageTests(app);

public sealed class ErrorPageTests_Postgres(PostgresApp app) : ErrorPageTests(app);
