using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The roadmap's per-milestone forms: edit every field as a PATCH would, delete; a cycle is refused by its field.</summary>
public abstract class RoadmapFormsTests(RecetaApp app)
{
    [Fact]
    public async Task PostMilestoneEdit_Owner_ChangesEveryFieldAsTheApiThenReportsIt()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var chords = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" });
        var song = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Play a song" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, $"milestone-edit-{Guid.Parse(song):N}",
            ("MilestoneEdit.Title", "Play a whole song"), ("MilestoneEdit.DueDate", "2025-03-20"), ("MilestoneEdit.EstimateHours", "12.5"),
            ("MilestoneEdit.TargetValue", "30"), ("MilestoneEdit.DependsOn", chords), ("MilestoneEdit.Status", "done"));
        var item = Item(await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap"), song);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#milestone-{song}", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Play a whole song", item.GetProperty("title").GetString());
        Assert.Equal("2025-03-20", item.GetProperty("dueDate").GetString());
        Assert.Equal(12.5, item.GetProperty("estimateHours").GetDouble());
        Assert.Equal(30, item.GetProperty("targetValue").GetDouble());
        Assert.Equal(chords, item.GetProperty("dependsOn")[0].GetString());
        Assert.Equal("done", item.GetProperty("status").GetString());
        Assert.Equal("2025-03-01", item.GetProperty("completedOn").GetString());
    }

    [Fact]
    public async Task PostMilestoneEdit_BlankFields_ClearThemAndBackToTodo()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var chords = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" });
        var song = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones",
            new { title = "Play a song", dueDate = "2025-03-20", targetValue = 30, dependsOn = new[] { chords } });
        using (var done = await owner.Api.PatchJsonAsync($"/api/v1/goals/{goal}/milestones/{song}", new { status = "done" }))
        {
            await done.AssertStatusAsync(HttpStatusCode.OK);
        }
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, $"milestone-edit-{Guid.Parse(song):N}",
            ("MilestoneEdit.Title", "Play a song"), ("MilestoneEdit.DueDate", ""), ("MilestoneEdit.EstimateHours", ""),
            ("MilestoneEdit.TargetValue", ""), ("MilestoneEdit.Status", "todo"));
        var item = Item(await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap"), song);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("dueDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("targetValue").ValueKind);
        Assert.Equal(0, item.GetProperty("dependsOn").GetArrayLength());
        Assert.Equal("todo", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("completedOn").ValueKind);
    }

    [Fact]
    public async Task PostMilestoneEdit_Cycle_Returns409ShowsTheMessageByDependsOnAndChangesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var chords = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" });
        var song = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Play a song", dependsOn = new[] { chords } });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, $"milestone-edit-{Guid.Parse(chords):N}",
            ("MilestoneEdit.Title", "Learn every chord"), ("MilestoneEdit.DependsOn", song), ("MilestoneEdit.Status", "todo"));
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");

        Assert.Equal(HttpStatusCode.Conflict, posted.Status);
        var form = PageBrowser.FormOf(posted.Html, $"milestone-edit-{Guid.Parse(chords):N}");
        Assert.Contains("aria-describedby=\"dependsOn-error\"", form, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"dependsOn-error\">These dependencies would make a loop", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Learn every chord\"", form, StringComparison.Ordinal);
        var unchanged = Item(roadmap, chords);
        Assert.Equal("Learn chords", unchanged.GetProperty("title").GetString());
        Assert.Equal(0, unchanged.GetProperty("dependsOn").GetArrayLength());
    }

    [Fact]
    public async Task PostMilestoneDelete_Owner_DeletesItAndDropsItFromTheOthersDependencies()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var chords = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" });
        var song = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Play a song", dependsOn = new[] { chords } });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, $"milestone-delete-{Guid.Parse(chords):N}");
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");

        // The delete button is a second step, inside its own "Delete…" disclosure within the item's edit panel.
        Assert.Matches("(?s)<summary>Delete…<span class=\"visually-hidden\"> “Learn chords”</span></summary>\\s*<form[^>]*>(?:(?!</form>).)*Yes, delete “Learn chords”</button>",
            WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var left = Assert.Single(roadmap.GetProperty("items").EnumerateArray());
        Assert.Equal(song, left.GetProperty("id").GetString());
        Assert.Equal(0, left.GetProperty("dependsOn").GetArrayLength());
    }

    [Fact]
    public async Task PostMilestoneEdit_Mentor_HasNoEditFormAndAForgedEditOrDeleteIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var chords = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" });
        await JoinAsync(owner, mentor, goal, "mentor");
        var (browser, page) = await OpenAsync(app, mentor, goal);
        using var _ = browser;

        var edit = await ForgeAsync(browser, goal, $"milestone-edit-{Guid.Parse(chords):N}",
            ("MilestoneEdit.Title", "Changed"), ("MilestoneEdit.Status", "todo"));
        var delete = await ForgeAsync(browser, goal, $"milestone-delete-{Guid.Parse(chords):N}");
        var item = Item(await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap"), chords);

        Assert.False(PageBrowser.HasForm(page, $"milestone-edit-{Guid.Parse(chords):N}"));
        Assert.False(PageBrowser.HasForm(page, $"milestone-delete-{Guid.Parse(chords):N}"));
        AssertRefused(edit);
        AssertRefused(delete);
        Assert.Equal("Learn chords", item.GetProperty("title").GetString());
    }

    private static JsonElement Item(JsonElement roadmap, string id) =>
        Assert.Single(roadmap.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
}

public sealed class RoadmapFormsTests_Sqlite(SqliteApp app) : RoadmapFormsTests(app);

public sealed class RoadmapFormsTests_Postgres(PostgresApp app) : RoadmapFormsTests(app);
