using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The circle section: the owner invites, changes roles and removes; each role gets the forms its row of the roles table allows.</summary>
public abstract class CircleFormsTests(RecetaApp app)
{
    [Fact]
    public async Task Invite_Owner_InvitesTheEmailWithTheRoleAndListsItAsWaiting()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var email = $"tia-{Guid.NewGuid():N}@example.test";
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "invite", ("Invitation.Email", email), ("Invitation.Role", "Mentor"));
        var circle = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith("#circle", posted.Location?.ToString(), StringComparison.Ordinal);
        var invited = Assert.Single(circle.GetProperty("items").EnumerateArray());
        Assert.Equal(email, invited.GetProperty("email").GetString());
        Assert.Equal("mentor", invited.GetProperty("role").GetString());
        Assert.Equal("invited", invited.GetProperty("status").GetString());
        Assert.Contains("Invitations waiting for an answer", after, StringComparison.Ordinal);
        Assert.Contains($"Withdraw the invitation to {email}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_BadEmailOrOneAlreadyInvited_IsRefusedWithItsMessage()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var email = $"tia-{Guid.NewGuid():N}@example.test";
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var bad = await browser.SubmitAsync($"/goals/{goal}", page, "invite", ("Invitation.Email", "not an email"), ("Invitation.Role", "Viewer"));
        var none = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");
        var first = await browser.SubmitAsync($"/goals/{goal}", page, "invite", ("Invitation.Email", email), ("Invitation.Role", "Viewer"));
        var again = await browser.SubmitAsync($"/goals/{goal}", page, "invite", ("Invitation.Email", email.ToUpperInvariant()), ("Invitation.Role", "Partner"));
        var circle = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Give a valid email address.", bad.Html, StringComparison.Ordinal);
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("This email is already invited or in the circle (or it is yours).", again.Html, StringComparison.Ordinal);
        Assert.Equal("viewer", Assert.Single(circle.GetProperty("items").EnumerateArray()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Invite_InSpanish_SpeaksSpanishIncludingTheRefusal()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var browser = new PageBrowser(app, "es");
        await browser.SignInAsync(owner);
        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        var refused = await browser.SubmitAsync($"/goals/{goal}", page, "invite", ("Invitation.Email", "no es un correo"), ("Invitation.Role", "Mentor"));

        var html = WebUtility.HtmlDecode(page);
        Assert.Contains("Invitar a alguien", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Cheerleader\" selected>Animador</option>", html, StringComparison.Ordinal);
        Assert.Contains("Un ánimo o un comentario", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Indica un correo electrónico válido.", WebUtility.HtmlDecode(refused.Html), StringComparison.Ordinal);
        Assert.Contains("<option value=\"Mentor\" selected>Mentor</option>", refused.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRole_Owner_ChangesItAndOwnerIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var friend = await app.CreateUserAsync(displayName: "Lupe");
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, friend, goal, "cheerleader");
        var member = Id((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items")[0]);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        var form = ItemForm("member-role", member);

        var promoted = await browser.SubmitAsync($"/goals/{goal}", page, form, ("MemberEdit.Role", "Partner"));
        var afterPromotion = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");
        var refused = await browser.SubmitAsync($"/goals/{goal}", page, form, ("MemberEdit.Role", "Owner"));
        var afterRefusal = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");

        Assert.Contains("Remove Lupe from the circle", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, promoted.Status);
        Assert.Equal("partner", afterPromotion.GetProperty("items")[0].GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Choose a role: viewer, cheerleader, mentor or partner.", refused.Html, StringComparison.Ordinal);
        Assert.Equal("partner", afterRefusal.GetProperty("items")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Remove_Owner_TheGoalIsGoneForTheFormerMember()
    {
        var owner = await app.CreateUserAsync();
        var friend = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, friend, goal, "mentor");
        var member = Id((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items")[0]);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("member-remove", member));
        var circle = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");
        using var friendBrowser = new PageBrowser(app);
        await friendBrowser.SignInAsync(friend);
        var (status, _) = await friendBrowser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(0, circle.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Partner_AcceptsASuggestionButCannotManageTheCircle()
    {
        var owner = await app.CreateUserAsync();
        var partner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, partner, goal, "partner");
        await JoinAsync(owner, mentor, goal, "mentor");
        var suggestion = Id(await PostAsync(mentor, $"/api/v1/goals/{goal}/suggestions", new { title = "Take lessons" }));
        var members = (await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items");
        var (browser, page) = await OpenAsync(app, partner, goal);
        using var _ = browser;

        var accepted = await browser.SubmitAsync($"/goals/{goal}", page, "accept-suggestion", ("Accept.SuggestionId", suggestion));
        var invite = await ForgeAsync(browser, goal, "invite", ("Invitation.Email", "someone@example.test"), ("Invitation.Role", "Partner"));
        var remove = await ForgeAsync(browser, goal, ItemForm("member-remove", Id(members[1])));
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");
        var circle = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle");

        Assert.False(PageBrowser.HasForm(page, "invite"));
        Assert.False(PageBrowser.HasForm(page, ItemForm("member-role", Id(members[1]))));
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal("Take lessons", Assert.Single(roadmap.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invite);
        Assert.Equal(HttpStatusCode.BadRequest, remove);
        Assert.Equal(2, circle.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Cheerleader_CheersButCannotSuggest()
    {
        var owner = await app.CreateUserAsync();
        var cheerleader = await app.CreateUserAsync(displayName: "Abuela");
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, cheerleader, goal, "cheerleader");
        var (browser, page) = await OpenAsync(app, cheerleader, goal);
        using var _ = browser;

        var cheered = await browser.SubmitAsync($"/goals/{goal}", page, "cheer", ("Cheer.Message", "Keep strumming!"));
        var empty = await browser.SubmitAsync($"/goals/{goal}", page, "cheer", ("Cheer.Message", " "));
        var suggest = await ForgeAsync(browser, goal, "suggest", ("Suggestion.Title", "Take lessons"));
        var cheers = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/cheers");
        var suggestions = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/suggestions");

        Assert.False(PageBrowser.HasForm(page, "suggest"));
        Assert.Equal(HttpStatusCode.Redirect, cheered.Status);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("role=\"alert\"", empty.Html, StringComparison.Ordinal);
        var cheer = Assert.Single(cheers.GetProperty("items").EnumerateArray());
        Assert.Equal("Keep strumming!", cheer.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, suggest);
        Assert.Equal(0, suggestions.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Viewer_CannotCheerAndAForgedCheerChangesNothing()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, viewer, goal, "viewer");
        var (browser, page) = await OpenAsync(app, viewer, goal);
        using var _ = browser;

        var forged = await ForgeAsync(browser, goal, "cheer", ("Cheer.Message", "Hi"));
        var cheers = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/cheers");

        Assert.False(PageBrowser.HasForm(page, "cheer"));
        Assert.Equal(HttpStatusCode.BadRequest, forged);
        Assert.Equal(0, cheers.GetProperty("items").GetArrayLength());
    }
}

public sealed class CircleFormsTests_Sqlite(SqliteApp app) : CircleFormsTests(app);

public sealed class CircleFormsTests_Postgres(PostgresApp app) : CircleFormsTests(app);
