using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Circle;

public abstract class CircleTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invite_Returns201InvitationWithAcceptUrl()
    {
        var owner = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Graduate" }));

        using var response = await owner.Api.PostJsonAsync($"/api/v1/goals/{goal}/circle", new { email = "Abuela@Example.test", role = "cheerleader" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var invitation = await response.ReadJsonAsync();
        Assert.Equal("Abuela@Example.test", invitation.GetProperty("email").GetString());
        Assert.Equal("cheerleader", invitation.GetProperty("role").GetString());
        Assert.Equal("invited", invitation.GetProperty("status").GetString());
        Assert.EndsWith($"/invitations/{Id(invitation)}", invitation.GetProperty("acceptUrl").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task Invite_SameEmailTwiceOrTheOwner_Returns409()
    {
        var owner = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Graduate" }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = "tia@example.test", role = "viewer" });

        using var again = await owner.Api.PostJsonAsync($"/api/v1/goals/{goal}/circle", new { email = " TIA@example.test", role = "mentor" });
        using var self = await owner.Api.PostJsonAsync($"/api/v1/goals/{goal}/circle", new { email = owner.Email, role = "partner" });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        await self.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"email":"a@example.test","role":"owner"}""", "role")]
    [InlineData("""{"email":"a@example.test","role":"boss"}""", "role")]
    [InlineData("""{"email":"not an email","role":"viewer"}""", "email")]
    [InlineData("""{"role":"viewer"}""", "email")]
    public async Task Invite_Invalid_Returns400NamingTheField(string body, string field)
    {
        var owner = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Graduate" }));

        using var response = await owner.Api.PostAsync($"/api/v1/goals/{goal}/circle", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Accept_ByTheInvitedAccount_SharesTheGoalWithItsRole()
    {
        var owner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync(displayName: "Ms. Young");
        var goal = Id(await CreateGoalAsync(owner, new { title = "Learn English" }));
        var invitation = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = mentor.Email, role = "mentor" }));
        var pending = await GetJsonAsync(mentor, "/api/v1/invitations");

        using var accepted = await mentor.Api.PostAsync($"/api/v1/invitations/{invitation}/accept", null, Cancellation);

        await accepted.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(invitation, Id(pending.GetProperty("items")[0]));
        var shared = (await GetJsonAsync(mentor, "/api/v1/goals")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(goal, Id(shared));
        Assert.Equal("mentor", shared.GetProperty("role").GetString());
        Assert.Equal("mentor", (await GetJsonAsync(mentor, $"/api/v1/goals/{goal}")).GetProperty("role").GetString());
        var member = (await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items")[0];
        Assert.Equal("active", member.GetProperty("status").GetString());
        Assert.Equal("Ms. Young", member.GetProperty("displayName").GetString());
        Assert.Equal(0, (await GetJsonAsync(mentor, "/api/v1/invitations")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Accept_ByAnotherAccount_Returns404AndTheGoalStaysHidden()
    {
        var owner = await app.CreateUserAsync();
        var invited = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Private" }));
        var invitation = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = invited.Email, role = "partner" }));

        using var response = await other.Api.PostAsync($"/api/v1/invitations/{invitation}/accept", null, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        using var hidden = await other.Api.GetAsync($"/api/v1/goals/{goal}", Cancellation);
        await hidden.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await GetJsonAsync(other, "/api/v1/invitations")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Invite_EmailWithoutAccount_CanBeAcceptedAfterSigningUp()
    {
        var owner = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Family garden" }));
        var email = $"later-{Guid.NewGuid():N}@example.test";
        var invitation = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email, role = "partner" }));
        using var anonymous = app.CreateApiClient();
        var password = $"correct horse {Guid.NewGuid():N}";
        using (var registered = await anonymous.PostJsonAsync("/api/v1/auth/register", new { email, password, displayName = "Late" }))
        {
            await registered.AssertStatusAsync(HttpStatusCode.Created);
        }
        using var token = await anonymous.PostJsonAsync("/api/v1/auth/tokens", new { email, password, name = "phone" });
        using var partner = app.CreateApiClient((await token.ReadJsonAsync()).GetProperty("token").GetString());

        using var accepted = await partner.PostAsync($"/api/v1/invitations/{invitation}/accept", null, Cancellation);

        await accepted.AssertStatusAsync(HttpStatusCode.OK);
        using var edit = await partner.PatchJsonAsync($"/api/v1/goals/{goal}", new { purpose = "Grow our own food" });
        await edit.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RoleChange_TakesEffectOnTheNextRequest()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var goal = (await setup.CreateSharedGoalAsync())["goalId"];
        var viewer = setup.Members["viewer"];
        var memberId = await MemberIdAsync(setup.Owner, goal, viewer.Email);
        using (var refused = await viewer.Api.PostJsonAsync($"/api/v1/goals/{goal}/cheers", new { message = "Go!" }))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var promoted = await setup.Owner.Api.PatchJsonAsync($"/api/v1/goals/{goal}/circle/{memberId}", new { role = "cheerleader" });

        await promoted.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("cheerleader", (await promoted.ReadJsonAsync()).GetProperty("role").GetString());
        using var cheered = await viewer.Api.PostJsonAsync($"/api/v1/goals/{goal}/cheers", new { message = "Go!" });
        await cheered.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Removal_TakesEffectOnTheNextRequest()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var goal = (await setup.CreateSharedGoalAsync())["goalId"];
        var partner = setup.Members["partner"];
        var memberId = await MemberIdAsync(setup.Owner, goal, partner.Email);

        using var removed = await setup.Owner.Api.DeleteAsync($"/api/v1/goals/{goal}/circle/{memberId}", Cancellation);

        await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        using var gone = await partner.Api.GetAsync($"/api/v1/goals/{goal}", Cancellation);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(goal, (await GetJsonAsync(partner, "/api/v1/goals")).GetProperty("items").EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task MemberRemovesTheirAccount_LeavesTheCircle()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var goal = (await setup.CreateSharedGoalAsync())["goalId"];
        var mentor = setup.Members["mentor"];

        using var removed = await mentor.Api.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent(new { password = mentor.Password }) }, Cancellation);

        await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        var emails = (await GetJsonAsync(setup.Owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("email").GetString());
        Assert.DoesNotContain(mentor.Email, emails);
    }

    private static StringContent JsonContent(object body) => Json(JsonSerializer.Serialize(body, HttpJson.Options));

    [Fact]
    public async Task Cheers_ListedOldestFirstWithTheirAuthors()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var goal = (await setup.CreateSharedGoalAsync())["goalId"];

        await PostAsync(setup.Members["cheerleader"], $"/api/v1/goals/{goal}/cheers", new { message = "¡Sí se puede!" });
        await PostAsync(setup.Members["mentor"], $"/api/v1/goals/{goal}/cheers", new { message = "Proud of you" });

        var cheers = (await GetJsonAsync(setup.Owner, $"/api/v1/goals/{goal}/cheers")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Let's go!", "¡Sí se puede!", "Proud of you"], cheers.Select(c => c.GetProperty("message").GetString()));
        Assert.Equal(["Owner", "cheerleader", "mentor"], cheers.Select(c => c.GetProperty("authorName").GetString()));
    }

    [Fact]
    public async Task Suggestion_AcceptedByOwner_BecomesAMilestone_OnlyOnce()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var goal = (await setup.CreateSharedGoalAsync())["goalId"];
        var suggestion = Id(await PostAsync(setup.Members["mentor"], $"/api/v1/goals/{goal}/suggestions", new { title = "Take a practice SAT", dueDate = "2025-04-01" }));
        using (var refused = await setup.Members["mentor"].Api.PostAsync($"/api/v1/goals/{goal}/suggestions/{suggestion}/accept", null, Cancellation))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var accepted = await setup.Owner.Api.PostAsync($"/api/v1/goals/{goal}/suggestions/{suggestion}/accept", null, Cancellation);

        await accepted.AssertStatusAsync(HttpStatusCode.Created);
        var milestone = await accepted.ReadJsonAsync();
        Assert.Equal("Take a practice SAT", milestone.GetProperty("title").GetString());
        Assert.Equal("2025-04-01", milestone.GetProperty("dueDate").GetString());
        var roadmap = await GetJsonAsync(setup.Owner, $"/api/v1/goals/{goal}/roadmap");
        Assert.Contains(Id(milestone), roadmap.GetProperty("items").EnumerateArray().Select(Id));
        var listed = (await GetJsonAsync(setup.Owner, $"/api/v1/goals/{goal}/suggestions")).GetProperty("items").EnumerateArray()
            .Single(s => Id(s) == suggestion);
        Assert.Equal("accepted", listed.GetProperty("status").GetString());
        Assert.Equal(Id(milestone), listed.GetProperty("milestoneId").GetString());
        using var twice = await setup.Members["partner"].Api.PostAsync($"/api/v1/goals/{goal}/suggestions/{suggestion}/accept", null, Cancellation);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task List_OwnAndSharedGoals_InTheOrderTheyCame_AcrossPages()
    {
        var setup = await CircleSetup.CreateAsync(app);
        var viewer = setup.Members["viewer"];
        var own = Id(await CreateGoalAsync(viewer, new { title = "My own" }));
        var first = (await setup.CreateSharedGoalAsync())["goalId"];
        var second = (await setup.CreateSharedGoalAsync())["goalId"];

        var ids = new List<string>();
        var path = "/api/v1/goals?limit=1";
        while (true)
        {
            var page = await GetJsonAsync(viewer, path);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                break;
            }
            path = $"/api/v1/goals?limit=1&cursor={cursor}";
        }

        Assert.Equal([own, first, second], ids);
    }

    [Fact]
    public async Task CircleChanges_AreInTheOwnersAuditLog()
    {
        var owner = await app.CreateUserAsync();
        var member = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(owner, new { title = "Audited" }));
        var invitation = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = member.Email, role = "viewer" }));
        using (var accepted = await member.Api.PostAsync($"/api/v1/invitations/{invitation}/accept", null, Cancellation))
        {
            await accepted.AssertStatusAsync(HttpStatusCode.OK);
        }
        using (var promoted = await owner.Api.PatchJsonAsync($"/api/v1/goals/{goal}/circle/{invitation}", new { role = "mentor" }))
        {
            await promoted.AssertStatusAsync(HttpStatusCode.OK);
        }
        using (var removed = await owner.Api.DeleteAsync($"/api/v1/goals/{goal}/circle/{invitation}", Cancellation))
        {
            await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        }

        var events = (await GetJsonAsync(owner, "/api/v1/audit")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("goalId").GetString() == goal)
            .Select(e => e.GetProperty("action").GetString())
            .ToList();

        // The test clock stands still, so the events share one instant: their order is a tie.
        Assert.Equal(["circleInvited", "circleJoined", "circleRemoved", "circleRoleChanged"], events.Order(StringComparer.Ordinal));
    }

    /// <summary><paramref name="member"/> invited to <paramref name="goal"/> as <paramref name="role"/>, and accepted: the invitation's id.</summary>
    internal static async Task<string> JoinAsync(TestUser owner, TestUser member, string goal, string role = "viewer")
    {
        var invitation = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = member.Email, role }));
        using var accepted = await member.Api.PostAsync($"/api/v1/invitations/{invitation}/accept", null, Cancellation);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
        return invitation;
    }

    private static async Task<string> MemberIdAsync(TestUser owner, string goal, string email) =>
        Id((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/circle")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("email").GetString() == email));
}

public sealed class CircleTests_Sqlite(SqliteApp app) : CircleTests(app);

public sealed class CircleTests_Postgres(PostgresApp app) : CircleTests(app);
