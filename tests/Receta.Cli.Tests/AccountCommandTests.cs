using System.Net;
using System.Text.Json;
using OtpNet;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary><c>receta login</c> and <c>receta logout</c>: the token, its file, and its revocation.</summary>
public abstract class AccountCommandTests(RecetaApp app)
{
    [Fact]
    public async Task Login_EmailAndPassword_StoresTokenInFileOfMode0600()
    {
        var user = await app.CreateUserAsync(displayName: "Ana");
        using var cli = new CliHarness(app);

        var login = await cli.RunWithInputAsync($"{user.Email}\n{user.Password}\n", "login", "--server", app.ServerAddress.ToString());

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("Ana", login.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Password, login.Out + login.Error, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, cli.ConfigFileMode);
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ConfigPath, TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(config.RootElement.GetProperty("token").GetString()));
        Assert.False(string.IsNullOrEmpty(config.RootElement.GetProperty("tokenId").GetString()));
        var tokens = await user.ItemsAsync("/api/v1/auth/tokens");
        Assert.Contains(tokens, t => t.GetProperty("name").GetString() == "receta on test-host");
        await user.GoalAsync("Read fifty books");
        var goals = await cli.RunAsync("goals");
        Assert.True(goals.ExitCode == 0, goals.ToString());
        Assert.Contains("Read fifty books", goals.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "dueño")]
    [InlineData("pt-BR", "dono")]
    public async Task Login_AccountInAnotherLanguage_SpeaksItUnlessLangSaysOtherwise(string language, string owner)
    {
        var user = await app.CreateUserAsync(displayName: "Lupe");
        using (var chosen = await user.Api.PatchJsonAsync("/api/v1/me", new { language }))
        {
            await chosen.AssertStatusAsync(HttpStatusCode.OK);
        }
        await user.GoalAsync("Aprender a nadar");
        using var cli = new CliHarness(app);
        cli["LANG"] = "en_US.UTF-8";

        var login = await cli.RunWithInputAsync($"{user.Email}\n{user.Password}\n", "login", "--server", app.ServerAddress.ToString());
        var goals = await cli.RunAsync("goals");
        var english = await cli.RunAsync("goals", "--lang", "en");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains("TÍTULO", goals.Out, StringComparison.Ordinal);
        Assert.Contains(owner, goals.Out, StringComparison.Ordinal);
        Assert.Contains("TITLE", english.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_Exits1WithTheProblem()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app);

        var login = await cli.RunWithInputAsync($"{user.Email}\nnot the password at all\n", "login", "--server", app.ServerAddress.ToString());

        Assert.Equal(ExitCodes.Refused, login.ExitCode);
        Assert.Contains("The email or password is not right.", login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.ConfigPath));
    }

    [Fact]
    public async Task Login_TwoFactorAccount_AsksForASecondFactorAndSignsIn()
    {
        var user = await app.CreateUserAsync();
        using var started = await user.Api.PostJsonAsync("/api/v1/me/2fa", new { password = user.Password });
        await started.AssertStatusAsync(HttpStatusCode.OK);
        var key = (await started.ReadJsonAsync()).GetProperty("key").GetString()!;
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);
        using var confirmed = await user.Api.PostJsonAsync("/api/v1/me/2fa/confirm", new { code });
        await confirmed.AssertStatusAsync(HttpStatusCode.OK);
        var recoveryCode = (await confirmed.ReadJsonAsync()).GetProperty("recoveryCodes")[0].GetString()!;
        using var cli = new CliHarness(app);

        var withoutCode = await cli.RunWithInputAsync($"{user.Email}\n{user.Password}\n", "login", "--server", app.ServerAddress.ToString());
        var withCode = await cli.RunWithInputAsync($"{user.Email}\n{user.Password}\n{recoveryCode}\n", "login", "--server", app.ServerAddress.ToString());

        Assert.Equal(ExitCodes.Refused, withoutCode.ExitCode);
        Assert.Contains("A second factor is needed", withoutCode.Error, StringComparison.Ordinal);
        Assert.True(withCode.ExitCode == 0, withCode.ToString());
        Assert.Contains("Two-factor code", withCode.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(cli.ConfigPath));
    }

    [Fact]
    public async Task Login_GivenToken_ChecksItWithMeAndStoresIt()
    {
        var user = await app.CreateUserAsync(displayName: "Bea");
        using var cli = new CliHarness(app);

        var bad = await cli.RunAsync("login", "--server", app.ServerAddress.ToString(), "--token", "not-a-token");
        var good = await cli.RunAsync("login", "--server", app.ServerAddress.ToString(), "--token", user.Token.Secret, "--json");

        Assert.Equal(ExitCodes.Refused, bad.ExitCode);
        Assert.True(good.ExitCode == 0, good.ToString());
        using var me = JsonDocument.Parse(good.Out);
        Assert.Equal(user.Email, me.RootElement.GetProperty("email").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, cli.ConfigFileMode);
    }

    [Fact]
    public async Task Logout_AfterLogin_RevokesTheTokenAndForgetsIt()
    {
        var user = await app.CreateUserAsync();
        using var cli = new CliHarness(app);
        var login = await cli.RunWithInputAsync($"{user.Email}\n{user.Password}\n", "login", "--server", app.ServerAddress.ToString());
        Assert.True(login.ExitCode == 0, login.ToString());
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(cli.ConfigPath, TestContext.Current.CancellationToken));
        var token = config.RootElement.GetProperty("token").GetString()!;

        var logout = await cli.RunAsync("logout");

        Assert.True(logout.ExitCode == 0, logout.ToString());
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var me = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(cli.ConfigPath, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var after = await cli.RunAsync("goals");
        Assert.Equal(ExitCodes.Usage, after.ExitCode);
    }

    [Fact]
    public async Task Environment_ServerAndToken_OverrideTheConfigFile()
    {
        var stored = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        await other.GoalAsync("Only the other account has this");
        using var cli = new CliHarness(app);
        Assert.Equal(0, (await cli.RunAsync("login", "--server", app.ServerAddress.ToString(), "--token", stored.Token.Secret)).ExitCode);

        var goals = await cli.As(other).RunAsync("goals");

        Assert.True(goals.ExitCode == 0, goals.ToString());
        Assert.Contains("Only the other account has this", goals.Out, StringComparison.Ordinal);
    }
}

public sealed class AccountCommandTests_Sqlite(KestrelSqliteApp app) : AccountCommandTests(app);

public sealed class AccountCommandTests_Postgres(KestrelPostgresApp app) : AccountCommandTests(app);
