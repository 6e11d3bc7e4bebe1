using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The preparation section's forms: add a skill with a resource; edit it (tick, remove and add resources); delete it.</summary>
public abstract class PreparationFormsTests(RecetaApp app)
{
    [Fact]
    public async Task PostSkillForm_Owner_AddsTheSkillWithItsResource()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "skill",
            ("Skill.Name", "Reading tabs"), ("Skill.Level", "1"), ("Skill.TargetLevel", "4"),
            ("Skill.Resources[0].Title", "Tab basics"), ("Skill.Resources[0].Url", "https://example.com/tabs"));
        var skill = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Contains("name=\"Skill.Resources[0].Title\"", PageBrowser.FormOf(page, "skill"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#preparation", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Reading tabs", skill.GetProperty("name").GetString());
        Assert.Equal(1, skill.GetProperty("level").GetInt32());
        Assert.Equal(4, skill.GetProperty("targetLevel").GetInt32());
        var resource = Assert.Single(skill.GetProperty("resources").EnumerateArray());
        Assert.Equal("Tab basics", resource.GetProperty("title").GetString());
        Assert.Equal("https://example.com/tabs", resource.GetProperty("url").GetString());
        Assert.Contains("<a href=\"https://example.com/tabs\" rel=\"noopener noreferrer\">Tab basics</a>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSkillForm_ResourceAddressNotHttp_Returns400ShowsTheMessageAndSavesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "skill",
            ("Skill.Name", "Reading tabs"), ("Skill.Level", "1"), ("Skill.TargetLevel", "4"),
            ("Skill.Resources[0].Title", "Tab basics"), ("Skill.Resources[0].Url", "javascript:alert(1)"));
        var readiness = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("starts with http:// or https://", WebUtility.HtmlDecode(posted.Html), StringComparison.Ordinal);
        Assert.Equal(0, readiness.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PostSkillEdit_Owner_RenamesTicksARemovesOneAndAddsAResource()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var skill = await PostIdAsync(owner, $"/api/v1/goals/{goal}/skills", new
        {
            name = "Reading tabs",
            level = 1,
            targetLevel = 4,
            resources = new object[] { new { title = "Tab basics" }, new { title = "Old book", url = "https://example.com/book" } },
        });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        var formName = $"skill-edit-{Guid.Parse(skill):N}";

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, formName,
            ("SkillEdit.Name", "Reading tablature"), ("SkillEdit.Level", "3"), ("SkillEdit.TargetLevel", "4"),
            ("SkillEdit.Resources[0].Title", "Tab basics"), ("SkillEdit.Resources[0].Url", ""), ("SkillEdit.Resources[0].Done", "true"),
            ("SkillEdit.Resources[1].Title", "Old book"), ("SkillEdit.Resources[1].Url", "https://example.com/book"), ("SkillEdit.Resources[1].Remove", "true"),
            ("SkillEdit.Resources[2].Title", "Song drills"), ("SkillEdit.Resources[2].Url", "https://example.com/drills"));
        var saved = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());

        Assert.Contains("name=\"SkillEdit.Resources[2].Title\"", PageBrowser.FormOf(page, formName), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#skill-{skill}", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Reading tablature", saved.GetProperty("name").GetString());
        Assert.Equal(3, saved.GetProperty("level").GetInt32());
        var resources = saved.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(["Tab basics", "Song drills"], resources.Select(r => r.GetProperty("title").GetString()));
        Assert.True(resources[0].GetProperty("done").GetBoolean());
        Assert.False(resources[1].GetProperty("done").GetBoolean());
        Assert.Equal("https://example.com/drills", resources[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task PostSkillEdit_BlankName_Returns400KeepsWhatWasSentAndChangesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var skill = await PostIdAsync(owner, $"/api/v1/goals/{goal}/skills", new { name = "Reading tabs", level = 1, targetLevel = 4 });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        var formName = $"skill-edit-{Guid.Parse(skill):N}";

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, formName,
            ("SkillEdit.Name", " "), ("SkillEdit.Level", "5"), ("SkillEdit.TargetLevel", "4"));
        var saved = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        var form = PageBrowser.FormOf(posted.Html, formName);
        Assert.Contains("Give the skill a name", form, StringComparison.Ordinal);
        Assert.Contains("name=\"SkillEdit.Level\" value=\"5\"", form, StringComparison.Ordinal);
        Assert.Equal("Reading tabs", saved.GetProperty("name").GetString());
        Assert.Equal(1, saved.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task PostSkillDelete_Owner_DeletesTheSkill()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var skill = await PostIdAsync(owner, $"/api/v1/goals/{goal}/skills", new { name = "Reading tabs", level = 1, targetLevel = 4 });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, $"skill-delete-{Guid.Parse(skill):N}");
        var readiness = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness");

        // The delete button is a second step, inside its own "Delete…" disclosure within the item's edit panel.
        Assert.Matches("(?s)<summary>Delete…<span class=\"visually-hidden\"> “Reading tabs”</span></summary>\\s*<form[^>]*>(?:(?!</form>).)*Yes, delete “Reading tabs”</button>",
            WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(0, readiness.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PostSkillForms_Viewer_HasNoFormAndForgedPostsAreRefused()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var skill = await PostIdAsync(owner, $"/api/v1/goals/{goal}/skills", new { name = "Reading tabs", level = 1, targetLevel = 4 });
        await JoinAsync(owner, viewer, goal, "viewer");
        var (browser, page) = await OpenAsync(app, viewer, goal);
        using var _ = browser;

        var add = await ForgeAsync(browser, goal, "skill", ("Skill.Name", "Mine"), ("Skill.Level", "1"), ("Skill.TargetLevel", "2"));
        var edit = await ForgeAsync(browser, goal, $"skill-edit-{Guid.Parse(skill):N}",
            ("SkillEdit.Name", "Mine"), ("SkillEdit.Level", "1"), ("SkillEdit.TargetLevel", "2"));
        var delete = await ForgeAsync(browser, goal, $"skill-delete-{Guid.Parse(skill):N}");
        var saved = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/readiness")).GetProperty("items").EnumerateArray());

        Assert.Contains("Reading tabs", page, StringComparison.Ordinal);
        Assert.All(new[] { "skill", $"skill-edit-{Guid.Parse(skill):N}", $"skill-delete-{Guid.Parse(skill):N}" },
            form => Assert.False(PageBrowser.HasForm(page, form), form));
        Assert.All(new[] { add, edit, delete }, AssertRefused);
        Assert.Equal("Reading tabs", saved.GetProperty("name").GetString());
    }
}

public sealed class PreparationFormsTests_Sqlite(SqliteApp app) : PreparationFormsTests(app);

public sealed class PreparationFormsTests_Postgres(PostgresApp app) : PreparationFormsTests(app);
