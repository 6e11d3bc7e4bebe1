using System.Net;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary>Browser sessions: the cookie's attributes, server-side ends, lifetimes and antiforgery.</summary>
public abstract class SessionTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_RightPassword_SetsHostSecureHttpOnlyLaxCookieThatAuthenticates()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);

        using var signedIn = await browser.PostAsync("/api/v1/auth/session", new { email = user.Email, password = user.Password });

        await signedIn.AssertStatusAsync(HttpStatusCode.Created);
        var cookie = Assert.Single(browser.LastSetCookies, c => c.StartsWith(Browser.SessionCookie + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        var session = await signedIn.ReadJsonAsync();
        Assert.Equal(app.Clock.GetUtcNow().AddDays(30), session.GetProperty("expiresAt").GetDateTimeOffset());

        using var me = await browser.GetAsync("/api/v1/me");
        await me.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(user.Id, (await me.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.Equal("no-store", me.Headers.CacheControl?.ToString());
        using var current = await browser.GetAsync("/api/v1/auth/session");
        await current.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(session.GetProperty("id").GetString(), (await current.ReadJsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task SignIn_WrongPassword_Returns401AndSetsNoSessionCookie()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);

        using var refused = await browser.PostAsync("/api/v1/auth/session", new { email = user.Email, password = OwnApp.StrongPassword() });

        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(browser.Cookies.ContainsKey(Browser.SessionCookie));
    }

    [Fact]
    public async Task GetSession_WithBearerToken_Returns404()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync("/api/v1/auth/session", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SignOut_ReplayingACopyOfTheOldCookie_Returns401()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);
        var copy = browser.Cookies[Browser.SessionCookie];

        using var signedOut = await browser.DeleteAsync("/api/v1/auth/session");
        using var thief = new Browser(app);
        thief.Cookies[Browser.SessionCookie] = copy;
        using var replayed = await thief.GetAsync("/api/v1/me");

        await signedOut.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.False(browser.Cookies.ContainsKey(Browser.SessionCookie), "Signing out clears the cookie.");
        await replayed.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_AgainInTheSameBrowser_EndsThePreviousSession()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);
        var previous = browser.Cookies[Browser.SessionCookie];

        await browser.SignInAsync(user.Email, user.Password);
        using var thief = new Browser(app);
        thief.Cookies[Browser.SessionCookie] = previous;
        using var replayed = await thief.GetAsync("/api/v1/me");
        using var current = await browser.GetAsync("/api/v1/me");

        await replayed.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await current.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CookiePost_WithoutAntiforgeryToken_Returns403AndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);

        using var forged = await browser.PostAsync("/api/v1/goals", new { title = "Forged" }, withCsrf: false);
        browser.CsrfToken = "CfDJ8-made-up-token";
        using var wrongToken = await browser.PostAsync("/api/v1/goals", new { title = "Forged too" });
        using var goals = await user.Api.GetAsync("/api/v1/goals", Cancellation);

        await forged.AssertProblemAsync(HttpStatusCode.Forbidden);
        await wrongToken.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await goals.ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task CookiePost_WithAntiforgeryToken_Succeeds()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);

        using var created = await browser.PostAsync("/api/v1/goals", new { title = "Learn to fly" });

        await created.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CookiePost_WithAnotherAccountsAntiforgeryToken_Returns403()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        using var browser = new Browser(app);
        using var otherBrowser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);
        await otherBrowser.SignInAsync(other.Email, other.Password);
        browser.CsrfToken = otherBrowser.CsrfToken;

        using var forged = await browser.PostAsync("/api/v1/goals", new { title = "Forged" });

        await forged.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BearerPost_WithoutAntiforgeryToken_Succeeds()
    {
        var user = await app.CreateUserAsync();

        using var created = await user.Api.PostJsonAsync("/api/v1/goals", new { title = "No cookie, no CSRF" });

        await created.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ChangePassword_FromABrowser_EndsOtherSessionsAndEveryTokenButKeepsThisSession()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        using var otherBrowser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);
        await otherBrowser.SignInAsync(user.Email, user.Password);
        var newPassword = OwnApp.StrongPassword();

        using var changed = await browser.PostAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });

        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var here = await browser.GetAsync("/api/v1/me");
        await here.AssertStatusAsync(HttpStatusCode.OK);
        using var there = await otherBrowser.GetAsync("/api/v1/me");
        await there.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var token = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await token.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangePassword_WithAToken_EndsThatTokenAndEverySession()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);

        using var changed = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = OwnApp.StrongPassword() });

        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var token = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await token.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var session = await browser.GetAsync("/api/v1/me");
        await session.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RemoveAccount_FromABrowser_EndsItsSessionsAndTokensAtOnce()
    {
        var user = await app.CreateUserAsync();
        using var browser = new Browser(app);
        using var otherBrowser = new Browser(app);
        await browser.SignInAsync(user.Email, user.Password);
        await otherBrowser.SignInAsync(user.Email, user.Password);

        using var removed = await browser.DeleteAsync("/api/v1/me", new { password = user.Password });

        await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var there = await otherBrowser.GetAsync("/api/v1/me");
        await there.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var token = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await token.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_PastItsAbsoluteLifetime_Returns401HoweverActive()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var browser = new Browser(own);
        await browser.SignInAsync(user.Email, user.Password);

        for (var day = 0; day < 29; day++)
        {
            own.Clock.Advance(TimeSpan.FromDays(1));
            using var active = await browser.GetAsync("/api/v1/me");
            await active.AssertStatusAsync(HttpStatusCode.OK);
        }
        own.Clock.Advance(TimeSpan.FromDays(1));
        using var ended = await browser.GetAsync("/api/v1/me");

        await ended.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_UnusedLongerThanTheIdleTimeout_Returns401()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var browser = new Browser(own);
        await browser.SignInAsync(user.Email, user.Password);

        own.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(2));
        using var idle = await browser.GetAsync("/api/v1/me");

        await idle.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests(app);

public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests(app);
