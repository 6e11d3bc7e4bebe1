using System.Net;
using OtpNet;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>Signing in on the page with a second factor: a code from the authenticator, or a recovery code once.</summary>
public abstract class SignInPageTests(RecetaApp app)
{
    [Fact]
    public async Task SignIn_WithTwoFactor_NeedsACodeAndTakesARecoveryCodeOnlyOnce()
    {
        var user = await app.CreateUserAsync();
        var (key, recoveryCodes) = await EnableTwoFactorAsync(user);
        using var first = new PageBrowser(app, "en");
        var (_, html) = await first.GetAsync("/signin");

        var (withoutCode, refused, _) = await first.SubmitAsync("/signin", html, "signin",
            ("Form.Email", user.Email), ("Form.Password", user.Password));
        var (withRecovery, _, home) = await first.SubmitAsync("/signin", refused, "signin",
            ("Form.Email", user.Email), ("Form.Password", user.Password), ("Form.RecoveryCode", recoveryCodes[0]));
        var (dashboard, _) = await first.GetAsync("/");

        Assert.NotEqual(HttpStatusCode.Redirect, withoutCode);
        Assert.Contains("Enter the code from your authenticator app", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withRecovery);
        Assert.Equal("/", home is { IsAbsoluteUri: true } ? home.AbsolutePath : home?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard);

        using var second = new PageBrowser(app, "en");
        var (_, again) = await second.GetAsync("/signin");
        var (reused, _, _) = await second.SubmitAsync("/signin", again, "signin",
            ("Form.Email", user.Email), ("Form.Password", user.Password), ("Form.RecoveryCode", recoveryCodes[0]));
        var (withCode, _, _) = await second.SubmitAsync("/signin", again, "signin",
            ("Form.Email", user.Email), ("Form.Password", user.Password), ("Form.Code", Code(key, steps: 1)));

        Assert.NotEqual(HttpStatusCode.Redirect, reused);
        Assert.Equal(HttpStatusCode.Redirect, withCode);
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(TestUser user)
    {
        using var started = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = user.Password });
        await started.AssertStatusAsync(HttpStatusCode.OK);
        var key = (await started.ReadJsonAsync()).GetProperty("key").GetString()!;
        using var confirmed = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code = Code(key) });
        await confirmed.AssertStatusAsync(HttpStatusCode.OK);
        return (key, (await confirmed.ReadJsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList());
    }

    private string Code(string key, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));
}

public sealed class SignInPageTests_Sqlite(SqliteApp app) : SignInPageTests(app);

public sealed class SignInPageTests_Postgres(PostgresApp app) : SignInPageTests(app);
