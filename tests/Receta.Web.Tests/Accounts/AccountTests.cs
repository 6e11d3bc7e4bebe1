using System.Net;
using System.Text;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Accounts;

public abstract class AccountTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_ValidAccount_Returns201WithLocationAndAccount()
    {
        using var client = app.CreateApiClient();
        var email = UniqueEmail();
        var password = StrongPassword();

        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email, password, displayName = "Ana Tester", timeZone = "Europe/Madrid" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.NotNull(response.Headers.Location);
        var account = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(account.GetProperty("id").GetString()));
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal("Ana Tester", account.GetProperty("displayName").GetString());
        Assert.Equal("Europe/Madrid", account.GetProperty("timeZone").GetString());
        Assert.DoesNotContain(password, account.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ExistingEmail_Returns409()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email = user.Email, password = StrongPassword(), displayName = "Someone else" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("short-pass1")]
    [InlineData("password1234")]
    public async Task Register_WeakPassword_Returns400NamingPassword(string password)
    {
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email = UniqueEmail(), password, displayName = "Weak" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task Register_InvalidEmail_Returns400NamingEmail()
    {
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email = "not-an-email", password = StrongPassword(), displayName = "No mail" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "email");
    }

    [Fact]
    public async Task Register_UnknownTimeZone_Returns400NamingTimeZone()
    {
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email = UniqueEmail(), password = StrongPassword(), displayName = "Lost", timeZone = "Mars/Olympus_Mons" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "timeZone");
    }

    [Fact]
    public async Task Register_MalformedJson_Returns400Problem()
    {
        using var client = app.CreateApiClient();
        using var body = new StringContent("""{ "email": "a@example.test", "password": """, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v1/auth/register", body, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateToken_ValidCredentials_Returns201WithSecretShownOnce()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = user.Password, name = "laptop" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var token = await response.ReadJsonAsync();
        var secret = token.GetProperty("token").GetString();
        Assert.False(string.IsNullOrEmpty(secret));
        Assert.Equal("laptop", token.GetProperty("name").GetString());
        Assert.Equal("write", token.GetProperty("scope").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), token.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, token.GetProperty("expiresAt").ValueKind);

        using var list = await user.Api.GetAsync("/api/v1/auth/tokens", Cancellation);
        await list.AssertStatusAsync(HttpStatusCode.OK);
        var listed = await list.ReadJsonAsync();
        var items = listed.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, item => item.GetProperty("id").GetString() == token.GetProperty("id").GetString());
        Assert.All(items, item => Assert.False(item.TryGetProperty("token", out _)));
        Assert.DoesNotContain(secret!, listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateToken_BadCredentials_Returns401AlikeForUnknownEmailAndWrongPassword()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateApiClient();

        using var wrongPassword = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = StrongPassword(), name = "guess" });
        using var unknownEmail = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = UniqueEmail(), password = StrongPassword(), name = "guess" });

        var wrongPasswordProblem = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var unknownEmailProblem = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(WithoutTraceId(wrongPasswordProblem), WithoutTraceId(unknownEmailProblem));
        Assert.Equal(wrongPassword.Headers.WwwAuthenticate.ToString(), unknownEmail.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task GetMe_WithToken_Returns200Account()
    {
        var user = await app.CreateUserAsync(timeZone: "America/Los_Angeles", displayName: "José");

        using var response = await user.Api.GetAsync("/api/v1/me", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var account = await response.ReadJsonAsync();
        Assert.Equal(user.Id, account.GetProperty("id").GetString());
        Assert.Equal(user.Email, account.GetProperty("email").GetString());
        Assert.Equal("José", account.GetProperty("displayName").GetString());
        Assert.Equal("America/Los_Angeles", account.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task GetMe_WithoutToken_Returns401()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/me", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMe_UnknownToken_Returns401()
    {
        using var client = app.CreateApiClient(token: "rct_not-a-token-anyone-was-given");

        using var response = await client.GetAsync("/api/v1/me", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeToken_OwnToken_NextRequestReturns401()
    {
        var user = await app.CreateUserAsync();

        using var revoked = await user.Api.DeleteAsync($"/api/v1/auth/tokens/{user.Token.Id}", Cancellation);
        using var response = await user.Api.GetAsync("/api/v1/me", Cancellation);

        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeToken_OtherToken_LeavesThisOneWorking()
    {
        var user = await app.CreateUserAsync();
        var other = await user.CreateTokenAsync();

        using var revoked = await user.Api.DeleteAsync($"/api/v1/auth/tokens/{other.Id}", Cancellation);
        using var response = await user.Api.GetAsync("/api/v1/me", Cancellation);
        using var otherClient = app.CreateApiClient(other.Secret);
        using var otherResponse = await otherClient.GetAsync("/api/v1/me", Cancellation);

        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        await otherResponse.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadScopeToken_CreateGoal_Returns403()
    {
        var user = await app.CreateUserAsync(scope: "read");

        using var response = await user.Api.PostJsonAsync("/api/v1/goals", new { title = "Run a marathon" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadScopeToken_GetMe_Returns200()
    {
        var user = await app.CreateUserAsync(scope: "read");

        using var response = await user.Api.GetAsync("/api/v1/me", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PatchMe_TimeZone_Returns200WithWholeAccountAndKeepsIt()
    {
        var user = await app.CreateUserAsync(timeZone: "Europe/Madrid", displayName: "Traveller");

        using var response = await user.Api.PatchJsonAsync("/api/v1/me", new { timeZone = "Asia/Tokyo" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var account = await response.ReadJsonAsync();
        Assert.Equal(user.Id, account.GetProperty("id").GetString());
        Assert.Equal(user.Email, account.GetProperty("email").GetString());
        Assert.Equal("Traveller", account.GetProperty("displayName").GetString());
        Assert.Equal("Asia/Tokyo", account.GetProperty("timeZone").GetString());
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal("Asia/Tokyo", (await reread.ReadJsonAsync()).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task PatchMe_Language_IsKeptAndAnsweredByGetMe()
    {
        var user = await app.CreateUserAsync();
        using (var before = await user.Api.GetAsync("/api/v1/me", Cancellation))
        {
            Assert.Equal(JsonValueKind.Null, (await before.ReadJsonAsync()).GetProperty("language").ValueKind);
        }

        using var response = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "es" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("es", (await response.ReadJsonAsync()).GetProperty("language").GetString());
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal("es", (await reread.ReadJsonAsync()).GetProperty("language").GetString());
    }

    [Fact]
    public async Task PatchMe_UnsupportedLanguage_Returns400NamingLanguageAndChangesNothing()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "fr" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "language");
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal(JsonValueKind.Null, (await reread.ReadJsonAsync()).GetProperty("language").ValueKind);
    }

    [Fact]
    public async Task PatchMe_ThemeAndPortuguese_AreKeptAndAnsweredByGetMe()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "pt-BR", theme = "dark" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        var me = await reread.ReadJsonAsync();
        Assert.Equal("pt-BR", me.GetProperty("language").GetString());
        Assert.Equal("dark", me.GetProperty("theme").GetString());
    }

    [Fact]
    public async Task PatchMe_UnknownTheme_Returns400NamingThemeAndChangesNothing()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PatchJsonAsync("/api/v1/me", new { theme = "sepia", language = "es" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "theme");
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        var me = await reread.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, me.GetProperty("theme").ValueKind);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("language").ValueKind);
    }

    [Fact]
    public async Task PatchMe_UnknownTimeZone_Returns400AndChangesNothing()
    {
        var user = await app.CreateUserAsync(timeZone: "Europe/Madrid");

        using var response = await user.Api.PatchJsonAsync("/api/v1/me", new { timeZone = "Nowhere/Special" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "timeZone");
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal("Europe/Madrid", (await reread.ReadJsonAsync()).GetProperty("timeZone").GetString());
    }

    private static string UniqueEmail() => $"someone-{Guid.NewGuid():N}@example.test";

    private static string StrongPassword() => $"a long secret {Guid.NewGuid():N}";

    /// <summary>A problem's members but its per-request <c>traceId</c>, as comparable text.</summary>
    private static string WithoutTraceId(JsonElement problem) =>
        string.Join('\n', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}

public sealed class AccountTests_Sqlite(SqliteApp app) : AccountTests(app);

public sealed class AccountTests_Postgres(PostgresApp app) : AccountTests(app);
