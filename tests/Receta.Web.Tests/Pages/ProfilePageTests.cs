using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Receta.Data;
using Receta.Data.Webhooks;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>
/// The account's security on the profile page, with JavaScript off: changing the password, two-factor
/// sign-in, personal access tokens and deleting the account, through the handlers the API uses.
/// </summary>
public abstract partial class ProfilePageTests(RecetaApp app)
{
    private const string NewPassword = "a brand new and unusual passphrase";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetProfile_SignedOut_RedirectsToSignIn()
    {
        using var browser = new PageBrowser(app, "en");

        var (status, _, _, location) = await browser.GetResponseAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("/signin?returnUrl=%2Fprofile", location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProfile_InSpanish_NamesEverySecurityFormInSpanish()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user, "es");

        var (status, page) = await browser.GetAsync("/profile");
        var html = WebUtility.HtmlDecode(page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Contraseña actual", html, StringComparison.Ordinal);
        Assert.Contains("Inicio de sesión en dos pasos", html, StringComparison.Ordinal);
        Assert.Contains("Tokens de acceso personal", html, StringComparison.Ordinal);
        Assert.Contains("Eliminar mi cuenta", html, StringComparison.Ordinal);
        Assert.Contains("Crear una dirección de calendario", html, StringComparison.Ordinal);
        Assert.Contains("Añadir el webhook", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SaveProfile_Language_IsKeptOnTheAccountForEveryClient()
    {
        var user = await app.CreateUserAsync(timeZone: "America/Mexico_City", displayName: "Lupe");
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, _, _) = await browser.SubmitAsync("/profile", html, "profile",
            ("Form.DisplayName", "Lupe"), ("Form.TimeZone", "America/Mexico_City"), ("Form.Language", "es"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal("es", (await me.ReadJsonAsync()).GetProperty("language").GetString());
    }

    [Fact]
    public async Task SaveProfile_DarkTheme_DrawsThePagesDarkAndFollowsTheAccountToAnotherBrowser()
    {
        var user = await app.CreateUserAsync(timeZone: "America/Sao_Paulo", displayName: "Luz");
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);

        var (status, _, _) = await browser.SubmitAsync("/profile", html, "profile",
            ("Form.DisplayName", "Luz"), ("Form.TimeZone", "America/Sao_Paulo"), ("Form.Language", "pt-BR"), ("Form.Theme", "dark"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        using var me = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal("dark", (await me.ReadJsonAsync()).GetProperty("theme").GetString());
        var (_, dashboard) = await browser.GetAsync("/");
        Assert.Contains("<html lang=\"pt-BR\" data-theme=\"dark\">", dashboard, StringComparison.Ordinal);
        // Another phone, its browser in English: signing in brings the account's language and theme.
        using var other = await SignedInAsync(user, "en-US");
        var (_, elsewhere) = await other.GetAsync("/");
        Assert.Contains("<html lang=\"pt-BR\" data-theme=\"dark\">", elsewhere, StringComparison.Ordinal);

        var (_, profile) = await browser.GetAsync("/profile");
        await browser.SubmitAsync("/profile", profile, "profile",
            ("Form.DisplayName", "Luz"), ("Form.TimeZone", "America/Sao_Paulo"), ("Form.Language", "pt-BR"), ("Form.Theme", ""));
        using var reread = await user.Api.GetAsync("/api/v1/me", Cancellation);
        Assert.Equal(JsonValueKind.Null, (await reread.ReadJsonAsync()).GetProperty("theme").ValueKind);
        var (_, device) = await browser.GetAsync("/");
        Assert.Contains("<html lang=\"pt-BR\">", device, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_Valid_KeepsThisSessionAndEndsTokensAndTheOldPassword()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, _, location) = await browser.SubmitAsync("/profile", html, "change-password",
            ("PasswordForm.CurrentPassword", user.Password), ("PasswordForm.NewPassword", NewPassword));
        var (after, page) = await browser.GetAsync(location!.OriginalString);
        using var oldToken = await user.Api.GetAsync("/api/v1/me", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.EndsWith("/profile?done=password", location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Contains("Password changed.", page, StringComparison.Ordinal);
        await oldToken.AssertStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(user.Email, user.Password));
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(user.Email, NewPassword));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns400NamesTheFieldAndChangesNothing()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, page, _) = await browser.SubmitAsync("/profile", html, "change-password",
            ("PasswordForm.CurrentPassword", "not the password at all"), ("PasswordForm.NewPassword", NewPassword));
        using var token = await user.Api.GetAsync("/api/v1/me", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<p class=\"field-error\" id=\"currentPassword-error\">Your current password is not right.</p>", page, StringComparison.Ordinal);
        await token.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task ChangePassword_TooShortNewPassword_Returns400NamingTheNewPassword()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, page, _) = await browser.SubmitAsync("/profile", html, "change-password",
            ("PasswordForm.CurrentPassword", user.Password), ("PasswordForm.NewPassword", "short"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"newPassword-error\">Choose a new password of at least 12 characters", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task TwoFactor_SetUpConfirmAndTurnOff_ShowsTheKeyUriQrAndRecoveryCodesOnce()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (started, setup, _) = await browser.SubmitAsync("/profile", html, "2fa-start", ("TwoFactorStartForm.Password", user.Password));
        var key = AuthenticatorKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var (wrong, refused, _) = await browser.SubmitAsync("/profile", setup, "2fa-confirm", ("TwoFactorConfirmForm.Code", Code(key, steps: 10)));
        var (confirmed, codes, _) = await browser.SubmitAsync("/profile", refused, "2fa-confirm", ("TwoFactorConfirmForm.Code", Code(key)));
        var (_, reloaded) = await browser.GetAsync("/profile");
        var withoutCode = await TokenStatusAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, started);
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        Assert.Contains("otpauth://totp/Receta%3A", setup, StringComparison.Ordinal);
        Assert.Contains($"secret={key}", setup, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"qr-code\" role=\"img\"", setup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("id=\"code-error\">The code is not right", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Equal(10, RecoveryCode().Count(codes));
        Assert.Contains("Two-factor sign-in is on", reloaded, StringComparison.Ordinal);
        Assert.Equal(0, RecoveryCode().Count(reloaded));
        Assert.NotEqual(HttpStatusCode.Created, withoutCode);

        var (wrongPassword, _, _) = await browser.SubmitAsync("/profile", reloaded, "2fa-codes", ("RecoveryCodesForm.Password", "not the password"));
        var (replaced, fresh, _) = await browser.SubmitAsync("/profile", reloaded, "2fa-codes", ("RecoveryCodesForm.Password", user.Password));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword);
        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.Contains("New recovery codes: the old ones no longer work.", fresh, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCode().Count(fresh));
        Assert.Empty(RecoveryCode().Matches(fresh).Select(m => m.Value).Intersect(RecoveryCode().Matches(codes).Select(m => m.Value)));

        var (off, _, location) = await browser.SubmitAsync("/profile", reloaded, "2fa-off", ("TwoFactorOffForm.Password", user.Password));
        var (_, final) = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, off);
        Assert.EndsWith("/profile?done=2fa-off", location?.OriginalString, StringComparison.Ordinal);
        Assert.True(PageBrowser.HasForm(final, "2fa-start"));
        Assert.Equal(HttpStatusCode.Created, await TokenStatusAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task Tokens_CreateShowsTheSecretOnceItWorksWithItsScopeAndRevokingEndsIt()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, created, _) = await browser.SubmitAsync("/profile", html, "token-create",
            ("TokenForm.Name", "Backup script"), ("TokenForm.Scope", "read"), ("TokenForm.ExpiresOn", "2025-12-31"), ("TokenForm.Password", user.Password));
        var secret = TokenSecret().Match(created).Groups[1].Value;
        using var reader = app.CreateApiClient(secret);
        using var read = await reader.GetAsync("/api/v1/goals", Cancellation);
        using var write = await reader.PostJsonAsync("/api/v1/goals", new { title = "Not allowed" });
        var (_, listed) = await browser.GetAsync("/profile");
        var id = BackupToken().Match(listed) is { Success: true } found ? Guid.Parse(found.Groups[1].Value).ToString("N") : "";

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("rct_", secret, StringComparison.Ordinal);
        await read.AssertStatusAsync(HttpStatusCode.OK);
        await write.AssertStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Backup script", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.NotEmpty(id);

        var (revoked, _, location) = await browser.SubmitAsync("/profile", listed, $"token-revoke-{id}");
        using var afterRevoke = await reader.GetAsync("/api/v1/goals", Cancellation);
        var (_, final) = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, revoked);
        Assert.EndsWith("/profile?done=token-revoked", location?.OriginalString, StringComparison.Ordinal);
        await afterRevoke.AssertStatusAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("Backup script", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_CreateWithAWrongPassword_IsRefusedAndCreatesNothing()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, page, _) = await browser.SubmitAsync("/profile", html, "token-create",
            ("TokenForm.Name", "Backup script"), ("TokenForm.Scope", "write"), ("TokenForm.Password", "not the password at all"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Your password is not right.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field=\"token\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Backup script</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_CreateShowsTheAddressOnceRotateReplacesItAndRevokeEndsIt()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (status, created, _) = await browser.SubmitAsync("/profile", html, "calendar-create");
        var url = CalendarUrl().Match(created).Groups[1].Value;
        var (_, reloaded) = await browser.GetAsync("/profile");
        var (rotatedStatus, rotated, _) = await browser.SubmitAsync("/profile", reloaded, "calendar-rotate");
        var newUrl = CalendarUrl().Match(rotated).Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("https://localhost/calendar/rcal_", url, StringComparison.Ordinal);
        Assert.Contains($"href=\"webcal://{url["https://".Length..]}\"", created, StringComparison.Ordinal);
        Assert.Contains("A calendar address is on", reloaded, StringComparison.Ordinal);
        Assert.DoesNotContain(url, reloaded, StringComparison.Ordinal);
        Assert.False(PageBrowser.HasForm(reloaded, "calendar-create"));
        Assert.Equal(HttpStatusCode.OK, rotatedStatus);
        Assert.NotEqual(url, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, await FeedStatusAsync(url));
        Assert.Equal(HttpStatusCode.OK, await FeedStatusAsync(newUrl));

        var (revoked, _, location) = await browser.SubmitAsync("/profile", rotated, "calendar-revoke");
        var (_, final) = await browser.GetAsync(location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, revoked);
        Assert.EndsWith("/profile?done=calendar-revoked", location.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Calendar address turned off.", final, StringComparison.Ordinal);
        Assert.True(PageBrowser.HasForm(final, "calendar-create"));
        Assert.Equal(HttpStatusCode.NotFound, await FeedStatusAsync(newUrl));
    }

    [Fact]
    public async Task DeleteAccount_WrongPasswordKeepsItRightPasswordRemovesItAndSignsOut()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (refused, page, _) = await browser.SubmitAsync("/profile", html, "delete-account", ("DeleteForm.Password", "not the password at all"));
        using var stillThere = await user.Api.GetAsync("/api/v1/me", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("id=\"password-error\">Your password is not right.", page, StringComparison.Ordinal);
        await stillThere.AssertStatusAsync(HttpStatusCode.OK);

        var (deleted, _, location) = await browser.SubmitAsync("/profile", page, "delete-account", ("DeleteForm.Password", user.Password));
        using var gone = await user.Api.GetAsync("/api/v1/me", Cancellation);
        var (after, _, _, signIn) = await browser.GetResponseAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, deleted);
        Assert.EndsWith("/signup", location?.OriginalString, StringComparison.Ordinal);
        await gone.AssertStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, after);
        Assert.Contains("/signin", signIn?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task Webhooks_AddShowsTheSecretOnceListsDeliveriesAndRemoveEndsIt()
    {
        var user = await app.CreateUserAsync();
        using var browser = await SignedInAsync(user);
        var (_, html) = await browser.GetAsync("/profile");

        var (refusedStatus, refused, _) = await browser.SubmitAsync("/profile", html, "webhook-create",
            ("WebhookForm.Url", "https://127.0.0.1/hook"), ("WebhookEvents", "entry.created"));
        var (noEventsStatus, noEvents, _) = await browser.SubmitAsync("/profile", html, "webhook-create",
            ("WebhookForm.Url", "https://receiver.example/hook"));
        var goalId = (await (await user.Api.PostJsonAsync("/api/v1/goals", new { title = "Read 50 books" })).ReadJsonAsync()).GetProperty("id").GetString()!;
        (_, html) = await browser.GetAsync("/profile");
        var (status, created, _) = await browser.SubmitAsync("/profile", html, "webhook-create",
            ("WebhookForm.Url", "https://receiver.example/hook"), ("WebhookForm.GoalId", goalId),
            ("WebhookEvents", "habit.checked"), ("WebhookEvents", "entry.created"));
        var secret = WebhookSecret().Match(created).Groups[1].Value;

        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Contains("Give an https address on the public internet", refused, StringComparison.Ordinal);
        // What was ticked stays ticked beside the refusal.
        Assert.Matches("value=\"entry.created\" checked", refused);
        Assert.Equal(HttpStatusCode.BadRequest, noEventsStatus);
        Assert.Contains("Choose at least one event.", noEvents, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var webhook = Assert.Single((await (await user.Api.GetAsync("/api/v1/webhooks", Cancellation)).ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(["entry.created", "habit.checked"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(goalId, webhook.GetProperty("goalId").GetString());
        Assert.Contains("Only Read 50 books", created, StringComparison.Ordinal);

        var webhookId = Guid.Parse(webhook.GetProperty("id").GetString()!);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                OwnerId = Guid.Parse(user.Id), Id = Guid.CreateVersion7(), WebhookId = webhookId, MessageId = Guid.CreateVersion7(),
                Type = "entry.created", Attempt = 2, At = app.Clock.GetUtcNow(), Error = "no answer within 10 s",
            });
            await db.SaveChangesAsync(Cancellation);
        }
        var (_, reloaded) = await browser.GetAsync("/profile");
        Assert.Contains("https://receiver.example/hook", reloaded, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, reloaded, StringComparison.Ordinal);
        Assert.Contains("entry.created, try 2", WebUtility.HtmlDecode(reloaded), StringComparison.Ordinal);
        Assert.Contains("no answer within 10 s", reloaded, StringComparison.Ordinal);

        var (removed, _, location) = await browser.SubmitAsync("/profile", reloaded, $"webhook-remove-{webhookId:N}");
        var (_, final) = await browser.GetAsync(location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, removed);
        Assert.Contains("Webhook removed.", final, StringComparison.Ordinal);
        Assert.Contains("No webhooks yet.", final, StringComparison.Ordinal);
        Assert.Empty((await (await user.Api.GetAsync("/api/v1/webhooks", Cancellation)).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    private async Task<PageBrowser> SignedInAsync(TestUser user, string language = "en")
    {
        var browser = new PageBrowser(app, language);
        await browser.SignInAsync(user);
        return browser;
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string email, string password)
    {
        using var client = app.CreateApiClient();
        using var response = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password, name = "check" });
        return response.StatusCode;
    }

    /// <summary>The feed at <paramref name="url"/> as a calendar app reads it: signed out.</summary>
    private async Task<HttpStatusCode> FeedStatusAsync(string url)
    {
        using var calendarApp = new PageBrowser(app);
        var (status, _, _, _) = await calendarApp.GetResponseAsync(new Uri(url).PathAndQuery);
        return status;
    }

    private string Code(string key, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    [GeneratedRegex("data-field=\"authenticatorKey\">([A-Z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code>[^<]+</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("data-field=\"token\">([^<]+)<")]
    private static partial Regex TokenSecret();

    [GeneratedRegex("data-field=\"webhookSecret\">([^<]+)<")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex("data-field=\"calendarUrl\">([^<]+)<")]
    private static partial Regex CalendarUrl();

    [GeneratedRegex("data-token=\"([0-9a-f-]{36})\">\\s*<strong>Backup script</strong>")]
    private static partial Regex BackupToken();
}

public sealed class ProfilePageTests_Sqlite(SqliteApp app) : ProfilePageTests(app);

public sealed class ProfilePageTests_Postgres(PostgresApp app) : ProfilePageTests(app);
