using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Testing;
using Receta.Web.Tests.Security;

namespace Receta.Web.Tests.Accounts;

/// <summary>Password storage, the shipped list of common passwords, changing the password, removing the account.</summary>
public abstract class PasswordTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("Motherfucker")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("MichaelJackson")]
    [InlineData(" iloveyoubaby ")]
    [InlineData("Chocolate123")]
    [InlineData("cristianoronaldo")]
    public async Task Register_PasswordFromTheShippedCommonList_Returns400NamingPassword(string password)
    {
        using var client = app.CreateApiClient();
        var email = OwnApp.UniqueEmail();

        using var response = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Common" });

        await AssertRefusedAsync(response, "password", "too commonly used");
        Assert.False(await AccountExistsAsync(email));
    }

    [Fact]
    public async Task Register_PasswordOverAThousandCharacters_Returns400NamingPasswordAndCreatesNoAccount()
    {
        using var client = app.CreateApiClient();
        var email = OwnApp.UniqueEmail();
        var password = string.Concat(Enumerable.Range(0, 101).Select(i => $"word{i:D5} "))[..1001];

        using var response = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Long" });

        await AssertRefusedAsync(response, "password", "at most 1000 characters");
        Assert.False(await AccountExistsAsync(email));
    }

    [Fact]
    public async Task CreateToken_PasswordOverAThousandCharacters_Returns401AsAnyWrongPassword()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = new string('x', 1001), name = "long" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", "one short part repeated")]
    [InlineData("abcabcabcabc", "one short part repeated")]
    [InlineData("121212121212", "one short part repeated")]
    [InlineData("PasswordPassword", "one short part repeated")]
    [InlineData("  xyzxyzxyzxyzx  ", "one short part repeated")]
    [InlineData("123456789012", "run of consecutive")]
    [InlineData("abcdefghijklm", "run of consecutive")]
    [InlineData("QWERTYUIOPASDF", "run of consecutive")]
    [InlineData("zyxwvutsrqpo", "run of consecutive")]
    [InlineData("mnbvcxzlkjhgf", "run of consecutive")]
    [InlineData("7890qwertyuiop", "run of consecutive")]
    [InlineData("!@#$%^&*()_+", "run of consecutive")]
    [InlineData("=-0987654321", "run of consecutive")]
    [InlineData("Receta2026!!!!", "the app's name")]
    [InlineData(" receta 1234-5678-90 ", "the app's name")]
    public async Task Register_GuessablePassword_Returns400NamingPasswordAndCreatesNoAccount(string password, string reason)
    {
        using var client = app.CreateApiClient();
        var email = OwnApp.UniqueEmail();

        using var response = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Guessable" });

        await AssertRefusedAsync(response, "password", reason);
        Assert.False(await AccountExistsAsync(email));
    }

    [Theory]
    [InlineData("marisol", "I am marisol and I cook", "your email address")]
    [InlineData("marisol", "MARISOL1985!x", "your email address")]
    [InlineData("ana", "write to ana@{domain} please", "your email address")]
    [InlineData("nadie", "Marisol Quintero", "your name")]
    [InlineData("nadie", " marisolquintero 1985! ", "your name")]
    [InlineData("nadie", "#1 Marisol Quintero", "your name")]
    public async Task Register_PasswordFromTheAccountsOwnEmailOrName_Returns400NamingPassword(string localPart, string password, string reason)
    {
        using var client = app.CreateApiClient();
        var domain = $"{Guid.NewGuid():N}.example.test";
        var email = $"{localPart}@{domain}";

        using var response = await client.PostJsonAsync("/api/v1/auth/register",
            new { email, password = password.Replace("{domain}", domain, StringComparison.Ordinal), displayName = "Marisol Quintero" });

        await AssertRefusedAsync(response, "password", reason);
        Assert.False(await AccountExistsAsync(email));
    }

    [Theory]
    [InlineData("maíz azul del valle 2026")]
    [InlineData("Marisol Quintero cooks mole on sundays")]
    [InlineData("my receta for a calm morning")]
    [InlineData("password for the garden shed")]
    [InlineData("abc 123 and then something else")]
    public async Task Register_PassphraseWithCommonWordsOrTheName_Returns201AndSignsIn(string password)
    {
        using var client = app.CreateApiClient();
        var email = OwnApp.UniqueEmail();

        using var response = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Marisol Quintero" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        using var token = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password, name = "passphrase" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa", "one short part repeated")]
    [InlineData("abcabcabcabc", "one short part repeated")]
    [InlineData("098765432109", "run of consecutive")]
    [InlineData("asdfghjklzxcv", "run of consecutive")]
    [InlineData("{email}", "your email address")]
    [InlineData("my {local} secret", "your email address")]
    [InlineData("Marisol Quintero 77", "your name")]
    [InlineData("RECETA_2026_2027", "the app's name")]
    [InlineData("qwerty123456", "too commonly used")]
    [InlineData("HannahMontana", "too commonly used")]
    public async Task ChangePassword_GuessableNewPassword_Returns400NamingNewPasswordAndKeepsTheOldOne(string newPassword, string reason)
    {
        var user = await app.CreateUserAsync(displayName: "Marisol Quintero");
        var email = user.Email;
        newPassword = newPassword
            .Replace("{email}", email, StringComparison.Ordinal)
            .Replace("{local}", email[..email.IndexOf('@', StringComparison.Ordinal)], StringComparison.Ordinal);

        using var response = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });

        await AssertRefusedAsync(response, "newPassword", reason);
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await me.AssertStatusAsync(HttpStatusCode.OK);
        using var client = app.CreateApiClient();
        using var refused = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password = newPassword, name = "refused" });
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await user.CreateTokenAsync();
    }

    [Fact]
    public async Task ChangePassword_PassphraseWithACommonWord_Returns204()
    {
        var user = await app.CreateUserAsync(displayName: "Marisol Quintero");
        const string newPassword = "maíz azul del valle 2026";

        using var response = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        using var client = app.CreateApiClient();
        using var token = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = newPassword, name = "new" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateToken_HashOfAnOlderIterationCount_IsRehashedAt210000Iterations()
    {
        await using var own = new RecetaApp(app.Provider, server: app.Postgres) { FastPasswordHashing = false };
        await own.InitializeAsync();
        var user = await own.CreateUserAsync();
        var userId = Guid.Parse(user.Id);
        Assert.Equal(210_000, await IterationCountAsync(own, userId));
        var oldHasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = 100_000,
        }));
        var oldHash = oldHasher.HashPassword(new User { DisplayName = "" }, user.Password);
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, oldHash), Cancellation);
        }
        Assert.Equal(100_000, await IterationCountAsync(own, userId));

        await user.CreateTokenAsync();

        Assert.Equal(210_000, await IterationCountAsync(own, userId));
        await user.CreateTokenAsync();
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns400NamingItAndChangesNothing()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/me/password",
            new { currentPassword = OwnApp.StrongPassword(), newPassword = OwnApp.StrongPassword() });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await me.AssertStatusAsync(HttpStatusCode.OK);
        await user.CreateTokenAsync();
    }

    [Theory]
    [InlineData("short-one")]
    [InlineData("password1234")]
    [InlineData(null)]
    public async Task ChangePassword_WeakNewPassword_Returns400NamingNewPassword(string? newPassword)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "newPassword");
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await me.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_Valid_Returns204_OldPasswordFailsNewOneWorks()
    {
        var user = await app.CreateUserAsync();
        var other = await user.CreateTokenAsync();
        var newPassword = OwnApp.StrongPassword();

        using var changed = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });

        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var otherClient = app.CreateApiClient(other.Secret);
        using var otherToken = await otherClient.GetAsync("/api/v1/me", Cancellation);
        await otherToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var client = app.CreateApiClient();
        using var old = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "old" });
        await old.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var fresh = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = newPassword, name = "new" });
        await fresh.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task RemoveAccount_WrongPassword_Returns400AndKeepsTheAccount()
    {
        var user = await app.CreateUserAsync();

        using var missing = await user.Api.DeleteAsync("/api/v1/me", Cancellation);
        using var wrong = await user.Api.DeleteJsonAsync("/api/v1/me", new { password = OwnApp.StrongPassword() });

        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await me.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RemoveAccount_WithPassword_DeletesEverythingAndTheTokenStopsAtOnce()
    {
        var user = await app.CreateUserAsync();
        using var goal = await user.Api.PostJsonAsync("/api/v1/goals", new { title = "Gone soon" });
        await goal.AssertStatusAsync(HttpStatusCode.Created);
        var userId = Guid.Parse(user.Id);
        Assert.True(await RoutesLeadToAsync(userId), "the goal and the token have their routes");

        using var removed = await user.Api.DeleteJsonAsync("/api/v1/me", new { password = user.Password });

        await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        await me.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == userId, Cancellation));
            Assert.False(await db.Goals.AnyAsync(g => g.OwnerId == userId, Cancellation));
            Assert.False(await db.AccessTokens.AnyAsync(t => t.UserId == userId, Cancellation));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.UserId == userId, Cancellation));
        }
        Assert.False(await RoutesLeadToAsync(userId), "no route leads to a removed account");
        using var client = app.CreateApiClient();
        using var again = await client.PostJsonAsync("/api/v1/auth/register",
            new { email = user.Email, password = OwnApp.StrongPassword(), displayName = "Back again" });
        await again.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string reason)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString() ?? "").ToList();
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
    }

    /// <summary>Whether a route leads to the account's goals or secrets (docs/adr/0014).</summary>
    private async Task<bool> RoutesLeadToAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        return await db.IdRoutes.AnyAsync(r => r.OwnerId == userId, Cancellation)
            && await db.SecretRoutes.AnyAsync(r => r.UserId == userId, Cancellation);
    }

    private async Task<bool> AccountExistsAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        return await db.Users.AnyAsync(u => u.Email == email, Cancellation);
    }

    /// <summary>The PBKDF2 iteration count written in an Identity V3 hash (big-endian, after the format byte and the PRF).</summary>
    private static async Task<int> IterationCountAsync(RecetaApp own, Guid userId)
    {
        await using var scope = own.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var hash = await db.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync(Cancellation);
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}

public sealed class PasswordTests_Sqlite(SqliteApp app) : PasswordTests(app);

public sealed class PasswordTests_Postgres(PostgresApp app) : PasswordTests(app);
