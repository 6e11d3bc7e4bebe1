using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Circle;

/// <summary>An owner and one account for each circle role, and a stranger; goals shared with them, with one item of every kind.</summary>
internal sealed class CircleSetup
{
    public static readonly string[] MemberRoles = ["viewer", "cheerleader", "mentor", "partner"];

    private CircleSetup(TestUser owner, IReadOnlyDictionary<string, TestUser> members, TestUser stranger)
    {
        Owner = owner;
        Members = members;
        Stranger = stranger;
    }

    public TestUser Owner { get; }

    public IReadOnlyDictionary<string, TestUser> Members { get; }

    public TestUser Stranger { get; }

    public TestUser As(string role) => role == "owner" ? Owner : Members[role];

    public static async Task<CircleSetup> CreateAsync(RecetaApp app)
    {
        var owner = await app.CreateUserAsync(displayName: "Owner");
        var members = new Dictionary<string, TestUser>();
        foreach (var role in MemberRoles)
        {
            members[role] = await app.CreateUserAsync(displayName: role);
        }
        return new CircleSetup(owner, members, await app.CreateUserAsync(displayName: "Stranger"));
    }

    /// <summary>A new goal of the owner with every member in its circle, one item of every kind, and an extra invitee; the ids by route parameter name.</summary>
    public async Task<Dictionary<string, string>> CreateSharedGoalAsync()
    {
        var goal = Id(await CreateGoalAsync(Owner, new
        {
            title = "Shared goal",
            purpose = "Together",
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            measure = new { unit = "km", start = 0, target = 100 },
        }));
        var prefix = $"/api/v1/goals/{goal}";
        var ids = new Dictionary<string, string>
        {
            ["goalId"] = goal,
            ["entryId"] = Id(await PostAsync(Owner, $"{prefix}/entries", new { date = "2025-02-01", value = 5 })),
            ["milestoneId"] = Id(await PostAsync(Owner, $"{prefix}/milestones", new { title = "Halfway", dueDate = "2025-06-01" })),
            ["skillId"] = Id(await PostAsync(Owner, $"{prefix}/skills", new { name = "Pacing", level = 1, targetLevel = 3 })),
            ["workId"] = Id(await PostAsync(Owner, $"{prefix}/work", new { date = "2025-02-01", minutes = 30 })),
            ["habitId"] = Id(await PostAsync(Owner, $"{prefix}/habits", new { title = "Run", times = 3, perDays = 7 })),
            ["attemptId"] = Id(await PostAsync(Owner, $"{prefix}/attempts", new { title = "10k race", date = "2025-02-15", outcome = "failed", lesson = "Start slower" })),
            ["suggestionId"] = Id(await PostAsync(Owner, $"{prefix}/suggestions", new { title = "Join a club" })),
            ["memberId"] = Id(await PostAsync(Owner, $"{prefix}/circle", new { email = $"extra-{Guid.NewGuid():N}@example.test", role = "viewer" })),
            ["breakId"] = Id(await PostAsync(Owner, $"{prefix}/breaks", new { from = "2025-04-01", to = "2025-04-07", note = "Spring break" })),
            ["date"] = "2025-02-02",
        };
        await PostAsync(Owner, $"{prefix}/habits/{ids["habitId"]}/checks", new { date = "2025-02-02" });
        await PostAsync(Owner, $"{prefix}/cheers", new { message = "Let's go!" });
        foreach (var (role, member) in Members)
        {
            await ShareAsync(goal, member, role);
        }
        return ids;
    }

    public async Task ShareAsync(string goal, TestUser member, string role)
    {
        var invitation = await PostAsync(Owner, $"/api/v1/goals/{goal}/circle", new { email = member.Email, role });
        using var accepted = await member.Api.PostAsync($"/api/v1/invitations/{Id(invitation)}/accept", null, TestContext.Current.CancellationToken);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GetAsync(TestUser user, string path) => await GetJsonAsync(user, path);
}
