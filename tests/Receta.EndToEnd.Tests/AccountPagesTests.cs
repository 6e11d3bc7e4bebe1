using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

public sealed class AccountPagesTests(WebUi ui)
{
    [Fact]
    public async Task SignUp_NewAccount_LandsOnTheEmptyDashboard()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Your name").FillAsync("Ana");
        await page.GetByLabel("Email").FillAsync($"ana-{Guid.NewGuid():N}@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("a long and unusual passphrase");
        await page.GetByLabel("Time zone").SelectOptionAsync("America/Mexico_City");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your goals", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No goals yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignUp_ShortPassword_SaysWhyAndKeepsTheEmail()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Your name").FillAsync("Ana");
        await page.GetByLabel("Email").FillAsync("ana-short@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("at least 12 characters");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("ana-short@example.test");
    }

    [Fact]
    public async Task SignOut_ThenSignIn_ReturnsToTheDashboard()
    {
        var user = await ui.App.CreateUserAsync(displayName: "Bea");
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");

        await WebUi.SignInAsync(page, user);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your goals" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoWithoutSigningIn()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Profile_ChangeNameAndLanguage_IsSavedAndSpeaksSpanish()
    {
        var user = await ui.App.CreateUserAsync(displayName: "Carla");
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Carla Ruiz");
        await page.GetByLabel("Time zone (your day starts and ends here)").SelectOptionAsync("Europe/Madrid");
        await page.GetByLabel("Language").SelectOptionAsync("es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Guardado.");
        await Assertions.Expect(page.GetByLabel("Tu nombre")).ToHaveValueAsync("Carla Ruiz");
        await Assertions.Expect(page.GetByLabel("Zona horaria (tu día empieza y termina aquí)")).ToHaveValueAsync("Europe/Madrid");
    }

    [Fact]
    public async Task Profile_DarkThemeInPortuguese_OnALightPhone_IsDarkAndPortugueseOnEveryPage()
    {
        var user = await ui.App.CreateUserAsync(displayName: "Luz");
        var page = await ui.NewPageAsync(WebUi.PhoneWidth);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await WebUi.SignInAsync(page, user);
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await page.GetByLabel("Language").SelectOptionAsync("pt-BR");
        await page.GetByLabel("Theme").SelectOptionAsync("dark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Salvo.");
        await Assertions.Expect(page.GetByLabel("Tema")).ToHaveValueAsync("dark");
        await page.GetByRole(AriaRole.Link, new() { Name = "Painel" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal("rgb(13, 17, 23)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Profile_ChangePassword_ThenSignsInWithTheNewOne()
    {
        var user = await ui.App.CreateUserAsync(displayName: "Dora");
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await page.GetByLabel("Current password").FillAsync(user.Password);
        await page.GetByLabel("New password").FillAsync("another long and unusual passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Password changed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await WebUi.SignInAsync(page, user with { Password = "another long and unusual passphrase" });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your goals" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Profile_CreateToken_ShowsItOnceAndItWorksWithTheApi()
    {
        var user = await ui.App.CreateUserAsync(displayName: "Eva");
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync("/profile");
        await page.GetByLabel("Name (what uses it)").FillAsync("Backup script");
        await page.GetByLabel("Access", new() { Exact = true }).SelectOptionAsync("read");
        await page.Locator("#token-password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var shown = page.Locator("[data-field=token]");
        await Assertions.Expect(shown).ToContainTextAsync("rct_");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke “Backup script”" })).ToBeVisibleAsync();
        using var api = ui.App.CreateApiClient(await shown.InnerTextAsync());
        using var goals = await api.GetAsync("/api/v1/goals", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, goals.StatusCode);

        await page.GotoAsync("/profile");
        await Assertions.Expect(page.Locator("[data-field=token]")).ToHaveCountAsync(0);
    }
}

public sealed class InvitationPageTests(WebUi ui)
{
    [Fact]
    public async Task Accept_InvitedAccount_JoinsAndSeesTheSharedGoalOnTheDashboard()
    {
        var owner = await ui.App.CreateUserAsync(displayName: "José");
        var goalId = await Journeys.MarathonAsync(ui.App, owner);
        var friend = await ui.App.CreateUserAsync(displayName: "Lupe");
        using var invited = await owner.Api.PostJsonAsync($"/api/v1/goals/{goalId}/circle", new { email = friend.Email, role = "cheerleader" });
        await invited.AssertStatusAsync(System.Net.HttpStatusCode.Created);
        var invitationId = (await invited.ReadJsonAsync()).GetProperty("id").GetString();

        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/invitations/{invitationId}");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("Email").FillAsync(friend.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(friend.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/invitations/{invitationId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/goals/{goalId}");
        await page.GotoAsync("/");
        var card = page.GetByRole(AriaRole.Article, new() { Name = "Run a marathon" });
        await Assertions.Expect(card.GetByText("Shared with you")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Done today: Go for a run" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Accept_SomeoneElsesInvitation_IsNotFound()
    {
        var user = await ui.App.CreateUserAsync();
        var page = await ui.NewPageAsync();
        await WebUi.SignInAsync(page, user);
        await page.GotoAsync($"/invitations/{Guid.NewGuid()}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This invitation does not exist");
    }
}
