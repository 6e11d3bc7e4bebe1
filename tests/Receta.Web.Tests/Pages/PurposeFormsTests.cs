using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The purpose section's forms: edit the goal, delete it, add a sub-goal; each only for the roles allowed.</summary>
public abstract class PurposeFormsTests(RecetaApp app)
{
    [Fact]
    public async Task PostGoalEdit_Owner_ChangesTheGoalAsTheApiThenReportsIt()
    {
        var owner = await app.CreateUserAsync();
        var band = await CreateGoalAsync(owner, "Play in a band");
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "goal-edit",
            ("GoalEdit.Title", "Learn the bass"), ("GoalEdit.Purpose", "Hold the groove"), ("GoalEdit.StartDate", "2025-01-15"),
            ("GoalEdit.TargetDate", "2025-06-30"), ("GoalEdit.Status", "Paused"), ("GoalEdit.Unit", "lessons"),
            ("GoalEdit.MeasureStart", "0"), ("GoalEdit.MeasureTarget", "40"), ("GoalEdit.Aggregation", "Count"), ("GoalEdit.ParentId", band),
            ("GoalEdit.WeeklyCapacityHours", "7.5"), ("GoalEdit.NoPreparationNeeded", "true"));
        var saved = await GetJsonAsync(owner, $"/api/v1/goals/{goal}");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#purpose", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Learn the bass", saved.GetProperty("title").GetString());
        Assert.Equal("Hold the groove", saved.GetProperty("purpose").GetString());
        Assert.Equal("2025-01-15", saved.GetProperty("startDate").GetString());
        Assert.Equal("2025-06-30", saved.GetProperty("targetDate").GetString());
        Assert.Equal("paused", saved.GetProperty("status").GetString());
        Assert.Equal(band, saved.GetProperty("parentId").GetString());
        Assert.Equal(7.5, saved.GetProperty("weeklyCapacityHours").GetDouble());
        Assert.True(saved.GetProperty("noPreparationNeeded").GetBoolean());
        var measure = saved.GetProperty("measure");
        Assert.Equal("lessons", measure.GetProperty("unit").GetString());
        Assert.Equal(40, measure.GetProperty("target").GetDouble());
        Assert.Equal("count", measure.GetProperty("aggregation").GetString());
        Assert.Contains("<h1 id=\"purpose-title\">Learn the bass</h1>", after, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-06-30\"", PageBrowser.FormOf(after, "goal-edit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostGoalEdit_TargetBeforeStart_Returns400ShowsTheMessageByTheFieldAndChangesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "goal-edit",
            ("GoalEdit.Title", "Learn the bass"), ("GoalEdit.StartDate", "2025-01-01"), ("GoalEdit.TargetDate", "2024-12-01"),
            ("GoalEdit.Status", "Active"), ("GoalEdit.Unit", "hours"), ("GoalEdit.MeasureTarget", "100"), ("GoalEdit.Aggregation", "Sum"));
        var saved = await GetJsonAsync(owner, $"/api/v1/goals/{goal}");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("id=\"targetDate-error\">Give a valid target date after the start date.", posted.Html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"targetDate-error\"", posted.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Learn the bass\"", PageBrowser.FormOf(posted.Html, "goal-edit"), StringComparison.Ordinal);
        Assert.Equal("Learn the guitar", saved.GetProperty("title").GetString());
        Assert.Equal("2025-04-11", saved.GetProperty("targetDate").GetString());
    }

    [Fact]
    public async Task PostGoalEdit_RemovingAMeasureWithEntries_Returns409AndKeepsTheMeasure()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-01", value = 3 });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "goal-edit",
            ("GoalEdit.Title", "Learn the guitar"), ("GoalEdit.Status", "Active"), ("GoalEdit.Unit", ""), ("GoalEdit.MeasureStart", ""),
            ("GoalEdit.MeasureTarget", ""), ("GoalEdit.Aggregation", "Sum"));
        var saved = await GetJsonAsync(owner, $"/api/v1/goals/{goal}");

        Assert.Equal(HttpStatusCode.Conflict, posted.Status);
        Assert.Contains("a measure with entries cannot be removed", posted.Html, StringComparison.Ordinal);
        Assert.Equal("hours", saved.GetProperty("measure").GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Get_Partner_MayEditButNeitherDeleteNorMoveNorAddASubGoalAndAForgedDeleteIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var partner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, partner, goal, "partner");
        var (browser, page) = await OpenAsync(app, partner, goal);
        using var _ = browser;

        var edited = await browser.SubmitAsync($"/goals/{goal}", page, "goal-edit",
            ("GoalEdit.Title", "Learn the guitar, together"), ("GoalEdit.StartDate", "2025-01-01"), ("GoalEdit.TargetDate", "2025-04-11"),
            ("GoalEdit.Status", "Active"), ("GoalEdit.Unit", "hours"), ("GoalEdit.MeasureTarget", "100"), ("GoalEdit.Aggregation", "Sum"));
        var deleted = await ForgeAsync(browser, goal, "goal-delete", ("GoalDelete.Confirm", "true"));
        var subGoal = await ForgeAsync(browser, goal, "subgoal", ("SubGoal.Title", "Someone else's goal"));
        var saved = await GetJsonAsync(owner, $"/api/v1/goals/{goal}");
        var goals = await GetJsonAsync(partner, "/api/v1/goals");

        Assert.True(PageBrowser.HasForm(page, "goal-edit"));
        Assert.False(PageBrowser.HasForm(page, "goal-delete"));
        Assert.False(PageBrowser.HasForm(page, "subgoal"));
        Assert.DoesNotContain("GoalEdit.ParentId", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        AssertRefused(deleted);
        AssertRefused(subGoal);
        Assert.Equal("Learn the guitar, together", saved.GetProperty("title").GetString());
        Assert.Single(goals.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Get_Viewer_HasNoGoalFormAndAForgedEditIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, viewer, goal, "viewer");
        var (browser, page) = await OpenAsync(app, viewer, goal);
        using var _ = browser;

        var forged = await ForgeAsync(browser, goal, "goal-edit", ("GoalEdit.Title", "Mine now"), ("GoalEdit.Status", "Active"), ("GoalEdit.Aggregation", "Sum"));
        var saved = await GetJsonAsync(owner, $"/api/v1/goals/{goal}");

        Assert.All(new[] { "goal-edit", "goal-delete", "subgoal" }, form => Assert.False(PageBrowser.HasForm(page, form), form));
        AssertRefused(forged);
        Assert.Equal("Learn the guitar", saved.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PostGoalDelete_BoxNotTicked_Returns400AndKeepsTheGoal()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "goal-delete");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("Tick the box to confirm", posted.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(owner, $"/api/v1/goals/{goal}"));
    }

    [Fact]
    public async Task PostGoalDelete_Confirmed_DeletesTheGoalKeepsItsSubGoalsAndGoesToTheDashboard()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var sub = await CreateGoalAsync(owner, "Learn barre chords", goal);
        await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "First song" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "goal-delete", ("GoalDelete.Confirm", "true"));
        var survivor = await GetJsonAsync(owner, $"/api/v1/goals/{sub}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal("/", posted.Location?.AbsolutePath ?? posted.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, await GetStatusAsync(owner, $"/api/v1/goals/{goal}"));
        Assert.Equal(JsonValueKind.Null, survivor.GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task PostSubGoal_Owner_CreatesAGoalUnderThisOneAndListsIt()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "subgoal",
            ("SubGoal.Title", "Learn barre chords"), ("SubGoal.Purpose", "Every song needs them"), ("SubGoal.TargetDate", "2025-03-31"));
        var goals = await GetJsonAsync(owner, "/api/v1/goals");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var sub = Assert.Single(goals.GetProperty("items").EnumerateArray(), g => g.GetProperty("title").GetString() == "Learn barre chords");
        Assert.Equal(goal, sub.GetProperty("parentId").GetString());
        Assert.Equal("2025-03-31", sub.GetProperty("targetDate").GetString());
        Assert.Contains($"<a href=\"/goals/{sub.GetProperty("id").GetString()}\">Learn barre chords</a>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Owner_OffersAsParentsOnlyGoalsThatAreNotItsOwnSubGoals()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var child = await CreateGoalAsync(owner, "Learn barre chords", goal);
        await CreateGoalAsync(owner, "Learn F major", child);
        await CreateGoalAsync(owner, "Play in a band");
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(owner);

        var (_, page) = await browser.GetAsync($"/goals/{goal}");
        var form = PageBrowser.FormOf(page, "goal-edit");

        Assert.Contains(">Play in a band</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(">Learn barre chords</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(">Learn F major</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain(">Learn the guitar</option>", form, StringComparison.Ordinal);
    }
}

public sealed class PurposeFormsTests_Sqlite(SqliteApp app) : PurposeFormsTests(app);

public sealed class PurposeFormsTests_Postgres(PostgresApp app) : PurposeFormsTests(app);
