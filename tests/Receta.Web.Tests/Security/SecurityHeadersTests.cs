using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary>The security headers are on every kind of answer, whoever produced it.</summary>
public abstract partial class SecurityHeadersTests(RecetaApp app)
{
    /// <summary>No inline script at all; inline styles only by their hashes (the pages carry their own sheets).</summary>
    private static readonly Regex Policy = PolicyPattern();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ok_SignedIn_HasSecurityHeadersAndNoStore()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync("/api/v1/me", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        AssertSecurityHeaders(response);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task NotFound_ProblemAndUnknownPath_HaveSecurityHeaders()
    {
        var user = await app.CreateUserAsync();
        using var anonymous = HttpsClient();

        using var goal = await user.Api.GetAsync($"/api/v1/goals/{Guid.NewGuid()}", Cancellation);
        using var nowhere = await anonymous.GetAsync("/no/such/page", Cancellation);

        await goal.AssertProblemAsync(HttpStatusCode.NotFound);
        AssertSecurityHeaders(goal);
        await nowhere.AssertStatusAsync(HttpStatusCode.NotFound);
        AssertSecurityHeaders(nowhere);
    }

    [Fact]
    public async Task Icon_SignedIn_KeepsItsYearLongCachingAndSecurityHeaders()
    {
        var user = await app.CreateUserAsync();
        using var anonymous = HttpsClient();
        using var signIn = await anonymous.GetAsync("/signin", Cancellation);
        var icon = IconLink().Match(await signIn.Content.ReadAsStringAsync(Cancellation)).Groups["href"].Value;
        using var signedIn = HttpsClient();
        signedIn.DefaultRequestHeaders.Authorization = new("Bearer", user.Token.Secret);

        using var page = await signedIn.GetAsync("/", Cancellation);
        using var response = await signedIn.GetAsync("/" + icon, Cancellation);

        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        await response.AssertStatusAsync(HttpStatusCode.OK);
        AssertSecurityHeaders(response);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.False(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Pages_CarryTheirStylesAllowedByHashAndWaitForNoStylesheetOrScript()
    {
        var user = await app.CreateUserAsync();
        var goalId = await Pages.GoalPageApi.CreateGoalAsync(user);
        using var signedIn = HttpsClient();
        signedIn.DefaultRequestHeaders.Authorization = new("Bearer", user.Token.Secret);

        foreach (var path in new[] { "/", $"/goals/{goalId}" })
        {
            using var page = await signedIn.GetAsync(path, Cancellation);
            await page.AssertStatusAsync(HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync(Cancellation);
            var policy = Single(page, "Content-Security-Policy");

            var styles = InlineStyle().Matches(html).Select(m => m.Groups["css"].Value).ToList();
            Assert.Equal(path == "/" ? 1 : 2, styles.Count);
            Assert.All(styles, css => Assert.Contains(
                $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'", policy, StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"stylesheet\"", html, StringComparison.Ordinal);
            // One script, app.js (offline pages and queue), which nothing waits for.
            Assert.Matches("""^<script src="app\.[a-z0-9]+\.js" async></script>$""", Assert.Single(Script().Matches(html)).Value);
        }
    }

    [Fact]
    public async Task Unauthorized_HasSecurityHeadersAndNoStore()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/me", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        AssertSecurityHeaders(response);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ValidationProblem_HasSecurityHeaders()
    {
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = "short", displayName = "" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task TokenCreation_WhichShowsASecret_IsNoStore()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "cache me not" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        AssertSecurityHeaders(response);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Healthz_HasSecurityHeaders()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/healthz", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ApiReference_LoadsNothingFromOtherOriginsAndIsNeverFramed()
    {
        using var client = HttpsClient();

        using var page = await client.GetAsync("/scalar/v1", Cancellation);

        await page.AssertStatusAsync(HttpStatusCode.OK);
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", string.Join(',', page.Headers.GetValues("X-Content-Type-Options")));
        var html = await page.Content.ReadAsStringAsync(Cancellation);
        var sources = SourceAttribute().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.False(Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal),
                $"The API reference loads '{source}' from another origin.");
            using var asset = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, source), Cancellation);
            await asset.AssertStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Hsts_OneYearOutsideDevelopmentAndTesting()
    {
        using var testing = app.CreateApiClient();
        using var inTesting = await testing.GetAsync("/healthz", Cancellation);
        await using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://receta.example") });

        using var response = await client.GetAsync("/healthz", Cancellation);

        Assert.False(inTesting.Headers.Contains("Strict-Transport-Security"));
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(',', response.Headers.GetValues("Strict-Transport-Security")));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Page_OverPlainHttp_IsSentToHttpsWhileTheApiAnswers()
    {
        using var plain = app.CreateApiClient();

        using var page = await plain.GetAsync("/signin?returnUrl=%2F", Cancellation);
        using var api = await plain.GetAsync("/api/v1/me", Cancellation);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal(new Uri("https://localhost/signin?returnUrl=%2F"), page.Headers.Location);
        AssertSecurityHeaders(page);
        await api.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>A client of the pages, which are served over https only outside Development.</summary>
    private HttpClient HttpsClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Matches(Policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new TestAssertionException($"The answer {(int)response.StatusCode} to {response.RequestMessage?.RequestUri} has no {header} header.");

    [GeneratedRegex("""(?:src|href)\s*=\s*"(?<url>[^"]+)"(?=[^>]*>)""")]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("""<link rel="icon" href="(?<href>icons/icon-192\.[a-z0-9]+\.png)" """)]
    private static partial Regex IconLink();

    [GeneratedRegex("""<script[^>]*>[^<]*</script>""")]
    private static partial Regex Script();

    [GeneratedRegex("""<style>(?<css>[^<]*)</style>""")]
    private static partial Regex InlineStyle();

    [GeneratedRegex("""^default-src 'self'; script-src 'self'; style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'$""")]
    private static partial Regex PolicyPattern();
}

public sealed class SecurityHeadersTests_Sqlite(SqliteApp app) : SecurityHeadersTests(app);

public sealed class SecurityHeadersTests_Postgres(PostgresApp app) : SecurityHeadersTests(app);
