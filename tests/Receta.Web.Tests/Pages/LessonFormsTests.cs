using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>
/// The perseverance section's comebacks and lessons applied: what each lesson became, the comeback
/// after each failure, the one-click forms that turn a lesson into a skill or a milestone, and the
/// skill and milestone forms' choice of the attempt whose lesson they apply.
/// </summary>
public abstract class LessonFormsTests(RecetaApp app)
{
    [Fact]
    public async Task LessonToSkill_Owner_CreatesASkillNamedAfterTheLessonAndLinksIt()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var attempt = await PostIdAsync(owner, $"/api/v1/goals/{goal}/attempts",
            new { title = "Audition", date = "2025-02-20", outcome = "failed", lesson = "  Practise scales\n every day.  " });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("lesson-skill", attempt));
        var skill = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Contains("Turn this lesson into a skill", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith("#perseverance", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Practise scales every day.", skill.GetProperty("name").GetString());
        Assert.Equal(attempt, skill.GetProperty("fromAttemptId").GetString());
        Assert.Contains($"<a href=\"#skill-{Id(skill)}\">the skill “Practise scales every day.”</a>", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.Contains("Lessons applied: 1 of 1 failed attempts.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LessonToMilestone_LongLesson_TitleCutTo200CharactersAndLinked()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var lesson = " " + string.Concat(Enumerable.Repeat("Record every rehearsal. ", 20));
        var attempt = await PostIdAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Contest", date = "2025-03-01", outcome = "failed", lesson });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("lesson-milestone", attempt));
        var milestone = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap")).GetProperty("items").EnumerateArray());
        var attempts = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/attempts");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var title = milestone.GetProperty("title").GetString()!;
        Assert.Equal(lesson.Trim()[..200].TrimEnd(), title);
        Assert.True(title.Length <= 200);
        Assert.Equal(attempt, milestone.GetProperty("fromAttemptId").GetString());
        var applied = Assert.Single(Assert.Single(attempts.GetProperty("items").EnumerateArray()).GetProperty("appliedIn").EnumerateArray());
        Assert.Equal("milestone", applied.GetProperty("kind").GetString());
        Assert.Equal(Id(milestone), Id(applied));
    }

    [Fact]
    public async Task GoalPage_FailuresFollowedByOthers_ShowsEachComebackAndTheMedian()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Open mic", date = "2025-01-01", outcome = "failed", lesson = "Slow down" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Second open mic", date = "2025-01-02", outcome = "failed" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Contest", date = "2025-01-12", outcome = "succeeded", lesson = "Keep going" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        Assert.Contains("Came back after 1 day.", page, StringComparison.Ordinal);
        Assert.Contains("Came back after 10 days.", page, StringComparison.Ordinal);
        Assert.Contains("Median comeback after a failure: 5.5 days.", page, StringComparison.Ordinal);
        Assert.Contains("Lessons applied: 0 of 2 failed attempts.", page, StringComparison.Ordinal);
        // Only a failure with a lesson offers to turn it into something: not the one without, nor the success.
        Assert.Equal(1, Count(page, "Turn this lesson into a skill<"));
        Assert.Equal(1, Count(page, "Turn this lesson into a milestone<"));
    }

    [Fact]
    public async Task Mentor_GetsNoLessonFormsAndForgedPostsCreateNothing()
    {
        var owner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, mentor, goal, "mentor");
        var attempt = await PostIdAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Audition", date = "2025-02-20", outcome = "failed", lesson = "Warm up" });
        var (browser, page) = await OpenAsync(app, mentor, goal);
        using var _ = browser;

        var skill = await ForgeAsync(browser, goal, ItemForm("lesson-skill", attempt));
        var milestone = await ForgeAsync(browser, goal, ItemForm("lesson-milestone", attempt));

        Assert.Contains("Warm up", page, StringComparison.Ordinal);
        Assert.False(PageBrowser.HasForm(page, ItemForm("lesson-skill", attempt)));
        Assert.False(PageBrowser.HasForm(page, ItemForm("lesson-milestone", attempt)));
        Assert.Equal(HttpStatusCode.BadRequest, skill);
        Assert.Equal(HttpStatusCode.BadRequest, milestone);
        Assert.Empty((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());
        Assert.Empty((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AddSkill_PicksTheAttemptWhoseLessonItApplies_Linked()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var attempt = await PostIdAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Audition", date = "2025-02-20", outcome = "failed" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "skill",
            ("Skill.Name", "Sight reading"), ("Skill.Level", "1"), ("Skill.TargetLevel", "4"), ("Skill.FromAttemptId", attempt));
        var skill = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());

        Assert.Contains("Attempt 1: Audition</option>", PageBrowser.FormOf(page, "skill"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(attempt, skill.GetProperty("fromAttemptId").GetString());
    }

    [Fact]
    public async Task EditMilestone_ShowsItsLinkKeepsItAndNoAttemptUnlinks()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var attempt = await PostIdAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Audition", date = "2025-02-20", outcome = "failed" });
        var milestone = await PostIdAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn the repertoire", fromAttemptId = attempt });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        var form = ItemForm("milestone-edit", milestone);

        var kept = await browser.SubmitAsync($"/goals/{goal}", page, form,
            ("MilestoneEdit.Title", "Learn the whole repertoire"), ("MilestoneEdit.Status", "todo"), ("MilestoneEdit.FromAttemptId", attempt));
        var afterKeeping = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");
        var unlinked = await browser.SubmitAsync($"/goals/{goal}", page, form,
            ("MilestoneEdit.Title", "Learn the whole repertoire"), ("MilestoneEdit.Status", "todo"), ("MilestoneEdit.FromAttemptId", ""));
        var afterUnlinking = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");

        Assert.Contains($"value=\"{attempt}\" selected", PageBrowser.FormOf(page, form), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, kept.Status);
        Assert.Equal(attempt, afterKeeping.GetProperty("items")[0].GetProperty("fromAttemptId").GetString());
        Assert.Equal(HttpStatusCode.Redirect, unlinked.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, afterUnlinking.GetProperty("items")[0].GetProperty("fromAttemptId").ValueKind);
        Assert.Equal("Learn the whole repertoire", afterUnlinking.GetProperty("items")[0].GetProperty("title").GetString());
    }

    private static int Count(string html, string text) =>
        (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}

public sealed class LessonFormsTests_Sqlite(SqliteApp app) : LessonFormsTests(app);

public sealed class LessonFormsTests_Postgres(PostgresApp app) : LessonFormsTests(app);
