using Microsoft.Playwright;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>The support circle in Chromium: an invitation sent from the goal page, accepted from its email, and a cheer that reaches the owner.</summary>
public sealed class CircleJourneyTests(WebUi ui)
{
    [Fact]
    public async Task InviteCheerleader_AcceptFromTheEmailAndCheer_TheOwnerSeesTheCheer()
    {
        var owner = await ui.App.CreateUserAsync(displayName: "José");
        var friend = await ui.App.CreateUserAsync(displayName: "Lupe");
        var goal = await Journeys.MarathonAsync(ui.App, owner);
        var ownerPage = await ui.NewPageAsync();
        await WebUi.SignInAsync(ownerPage, owner);
        await ownerPage.GotoAsync($"/goals/{goal}");

        var invite = ownerPage.Locator("#invite-form");
        await invite.GetByLabel("Email").FillAsync(friend.Email);
        await invite.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Cheerleader" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        var waiting = ownerPage.Locator(".invitations .member", new() { HasText = friend.Email });
        await Assertions.Expect(waiting.Locator(".badge")).ToHaveTextAsync("Cheerleader");

        var invitation = await Journeys.InvitationSentToAsync(ui.App, friend.Email);
        var friendPage = await ui.NewPageAsync();
        await WebUi.SignInAsync(friendPage, friend);
        await friendPage.GotoAsync($"/invitations/{invitation}");
        await friendPage.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await friendPage.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/goals/{goal}");
        var cheer = friendPage.Locator("#cheer-form");
        await cheer.GetByLabel("A cheer or a comment").FillAsync("¡Vamos, José! You can do it.");
        await cheer.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(friendPage.Locator(".cheers")).ToContainTextAsync("¡Vamos, José! You can do it.");
        await Assertions.Expect(friendPage.Locator("#milestone-form")).ToHaveCountAsync(0);

        await ownerPage.ReloadAsync();
        await Assertions.Expect(ownerPage.Locator(".cheers li", new() { HasText = "¡Vamos, José! You can do it." })).ToContainTextAsync("Lupe");
        var member = ownerPage.Locator(".members .member", new() { HasText = "Lupe" });
        await Assertions.Expect(member.Locator(".badge")).ToHaveTextAsync("Cheerleader");
        await Assertions.Expect(ownerPage.Locator(".invitations")).ToHaveCountAsync(0);
    }
}
