using System.Net;
using Microsoft.AspNetCore.Hosting;
using Receta.Data;
using Receta.Testing;
using Receta.Web.Tests.Pages;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Circle;

/// <summary>An invitation reaches the invited email, with a link to the page where the invitee accepts it.</summary>
public sealed class InvitationEmailTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("receta-mail-").FullName;
    private readonly MailApp _app;

    public InvitationEmailTests() => _app = new MailApp(_folder);

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Invite_WritesAnEmailLinkingToTheInvitationPageWhereTheInviteeAcceptsIt()
    {
        var owner = await _app.CreateUserAsync(displayName: "José");
        var sister = await _app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Become a NASA astronaut" }));

        var invitation = await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = sister.Email, role = "cheerleader" });

        var message = await File.ReadAllTextAsync(Directory.GetFiles(_folder).Single(), TestContext.Current.CancellationToken);
        Assert.Contains(sister.Email, message, StringComparison.Ordinal);
        Assert.Contains("José", message, StringComparison.Ordinal);
        Assert.Contains("Become a NASA astronaut", message, StringComparison.Ordinal);
        var link = invitation.GetProperty("acceptUrl").GetString()!;
        Assert.Contains(link, message, StringComparison.Ordinal);
        Assert.StartsWith("https://receta.example.org/", link, StringComparison.Ordinal);
        var page = new Uri(link).PathAndQuery;
        Assert.Equal($"/invitations/{Id(invitation)}", page);
        using var browser = new PageBrowser(_app, "en");
        var (signedOut, _, _, signInFirst) = await browser.GetResponseAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, signedOut);
        Assert.NotNull(signInFirst);
        Assert.Equal($"/signin?returnUrl={Uri.EscapeDataString(page)}", signInFirst.IsAbsoluteUri ? signInFirst.PathAndQuery : signInFirst.OriginalString);
        await browser.SignInAsync(sister);
        var (status, html) = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var (accepted, _, location) = await browser.SubmitAsync(page, html, "accept-invitation");
        Assert.Equal(HttpStatusCode.Redirect, accepted);
        Assert.EndsWith($"/goals/{goal}", location?.OriginalString, StringComparison.Ordinal);
        using var goals = await sister.Api.GetAsync("/api/v1/goals", TestContext.Current.CancellationToken);
        Assert.Contains(goal, await goals.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private sealed class MailApp(string folder) : RecetaApp(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:Folder", folder);
            builder.UseSetting("Receta:PublicUrl", "https://receta.example.org");
        }
    }
}
