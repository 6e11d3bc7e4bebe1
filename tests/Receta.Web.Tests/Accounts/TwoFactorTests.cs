using System.Net;
using OtpNet;
using Receta.Testing;
using Receta.Web.Tests.Security;

namespace Receta.Web.Tests.Accounts;

/// <summary>Optional two-factor sign-in: setup, codes used once, recovery codes used once, removal.</summary>
public abstract class TwoFactorTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithPassword_ReturnsKeyAndOtpauthUriWithoutTurningItOn()
    {
        var user = await app.CreateUserAsync();

        using var started = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = user.Password });

        await started.AssertStatusAsync(HttpStatusCode.OK);
        var body = await started.ReadJsonAsync();
        var key = body.GetProperty("key").GetString()!;
        Assert.Equal(20, Base32Encoding.ToBytes(key).Length);
        var uri = body.GetProperty("authenticatorUri").GetString()!;
        Assert.StartsWith("otpauth://totp/Receta%3A", uri, StringComparison.Ordinal);
        Assert.Contains($"secret={key}", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=Receta", uri, StringComparison.Ordinal);
        var token = await user.CreateTokenAsync();
        Assert.False(string.IsNullOrEmpty(token.Secret));
    }

    [Fact]
    public async Task Start_WithoutOrWithWrongPassword_Returns400NamingPassword()
    {
        var user = await app.CreateUserAsync();

        using var missing = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { });
        using var wrong = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = OwnApp.StrongPassword() });

        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
    }

    [Fact]
    public async Task Confirm_WithoutStart_Returns409()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code = "123456" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Confirm_WrongCode_Returns400AndLeavesItOff()
    {
        var user = await app.CreateUserAsync();
        var key = await StartAsync(user);

        using var response = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code = OtherCode(key) });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        await user.CreateTokenAsync();
    }

    [Fact]
    public async Task Confirm_RightCode_ReturnsTenRecoveryCodesAndSignInThenNeedsACode()
    {
        var user = await app.CreateUserAsync();
        var key = await StartAsync(user);

        using var confirmed = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code = Code(key) });

        await confirmed.AssertStatusAsync(HttpStatusCode.OK);
        var codes = (await confirmed.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(29, c.Length));
        using var client = app.CreateApiClient();
        using var withoutCode = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "no code" });
        var problem = await withoutCode.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(problem.GetProperty("codeRequired").GetBoolean());
        using var again = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = user.Password });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CreateToken_WithCode_Returns201_AndTheSameCodeTwice_Returns401CodeRequired()
    {
        var user = await app.CreateUserAsync();
        var (key, _) = await EnableAsync(user);
        using var client = app.CreateApiClient();
        // The confirmation spent the current step; the next one (still within the allowed drift) is fresh.
        var code = Code(key, steps: 1);

        using var first = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "phone", code });
        using var replayed = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "phone", code });
        using var wrong = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = user.Password, name = "phone", code = OtherCode(key) });

        await first.AssertStatusAsync(HttpStatusCode.Created);
        Assert.True((await replayed.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("codeRequired").GetBoolean());
        Assert.True((await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("codeRequired").GetBoolean());
    }

    [Fact]
    public async Task CreateToken_WrongPasswordOnTwoFactorAccount_Returns401WithoutSayingACodeIsNeeded()
    {
        var user = await app.CreateUserAsync();
        var (key, _) = await EnableAsync(user);
        using var client = app.CreateApiClient();

        using var response = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = OwnApp.StrongPassword(), name = "guess", code = Code(key, steps: 1) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(problem.TryGetProperty("codeRequired", out _));
    }

    [Fact]
    public async Task SignIn_WithRecoveryCode_WorksOnce()
    {
        var user = await app.CreateUserAsync();
        var (_, recoveryCodes) = await EnableAsync(user);
        using var browser = new Browser(app);
        using var client = app.CreateApiClient();

        using var session = await browser.PostAsync("/api/v1/auth/session",
            new { email = user.Email, password = user.Password, recoveryCode = recoveryCodes[0].ToUpperInvariant() });
        using var reused = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = user.Password, name = "again", recoveryCode = recoveryCodes[0] });
        using var another = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = user.Password, name = "another", recoveryCode = recoveryCodes[1] });

        await session.AssertStatusAsync(HttpStatusCode.Created);
        Assert.True((await reused.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("codeRequired").GetBoolean());
        await another.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Disable_WithPassword_Returns204AndSignInNeedsNoCodeAgain()
    {
        var user = await app.CreateUserAsync();
        await EnableAsync(user);

        using var wrong = await user.Api.DeleteJsonAsync("/api/v1/me/2fa", new { password = OwnApp.StrongPassword() });
        using var disabled = await user.Api.DeleteJsonAsync("/api/v1/me/2fa", new { password = user.Password });
        using var again = await user.Api.DeleteJsonAsync("/api/v1/me/2fa", new { password = user.Password });

        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        await disabled.AssertStatusAsync(HttpStatusCode.NoContent);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        await user.CreateTokenAsync();
    }

    [Fact]
    public async Task Disable_WithCode_Returns204()
    {
        var user = await app.CreateUserAsync();
        var (key, _) = await EnableAsync(user);

        using var missing = await user.Api.DeleteJsonAsync("/api/v1/me/2fa", new { });
        using var disabled = await user.Api.DeleteJsonAsync("/api/v1/me/2fa", new { code = Code(key, steps: 1) });

        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        await disabled.AssertStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task NewRecoveryCodes_WithPassword_ReplaceTheOldOnes_WhichStopWorking()
    {
        var user = await app.CreateUserAsync();
        var (_, old) = await EnableAsync(user);
        using var client = app.CreateApiClient();

        using var wrong = await user.Api.PostJsonAsync("/api/v1/me/2fa/recovery-codes", new { password = OwnApp.StrongPassword() });
        using var missing = await user.Api.PostJsonAsync("/api/v1/me/2fa/recovery-codes", new { });
        using var replaced = await user.Api.PostJsonAsync("/api/v1/me/2fa/recovery-codes", new { password = user.Password });

        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        await replaced.AssertStatusAsync(HttpStatusCode.OK);
        var fresh = (await replaced.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        using var withOld = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = user.Password, name = "old code", recoveryCode = old[1] });
        Assert.True((await withOld.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("codeRequired").GetBoolean());
        using var withNew = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = user.Email, password = user.Password, name = "new code", recoveryCode = fresh[0] });
        await withNew.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task NewRecoveryCodes_WithTheLastRecoveryCode_Works_AndWithoutTwoFactor_Returns404()
    {
        var user = await app.CreateUserAsync();
        using var off = await user.Api.PostJsonAsync("/api/v1/me/2fa/recovery-codes", new { password = user.Password });
        await off.AssertProblemAsync(HttpStatusCode.NotFound);
        var (_, codes) = await EnableAsync(user);

        using var replaced = await user.Api.PostJsonAsync("/api/v1/me/2fa/recovery-codes", new { recoveryCode = codes[^1] });
        using var reused = await user.Api.PostJsonAsync("/api/v1/me/2fa/recovery-codes", new { recoveryCode = codes[^1] });

        await replaced.AssertStatusAsync(HttpStatusCode.OK);
        await reused.AssertProblemAsync(HttpStatusCode.BadRequest, "recoveryCode");
    }

    private static async Task<string> StartAsync(TestUser user)
    {
        using var started = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = user.Password });
        await started.AssertStatusAsync(HttpStatusCode.OK);
        return (await started.ReadJsonAsync()).GetProperty("key").GetString()!;
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(TestUser user)
    {
        var key = await StartAsync(user);
        using var confirmed = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code = Code(key) });
        await confirmed.AssertStatusAsync(HttpStatusCode.OK);
        var codes = (await confirmed.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (key, codes);
    }

    /// <summary>The authenticator's code at the app's time, <paramref name="steps"/> 30-second steps ahead.</summary>
    private string Code(string key, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>A code the authenticator does not show now (five minutes away).</summary>
    private string OtherCode(string key) => Code(key, steps: 10);
}

public sealed class TwoFactorTests_Sqlite(SqliteApp app) : TwoFactorTests(app);

public sealed class TwoFactorTests_Postgres(PostgresApp app) : TwoFactorTests(app);
