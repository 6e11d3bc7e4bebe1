using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The perseverance section's per-attempt forms: edit every field, delete.</summary>
public abstract class AttemptFormsTests(RecetaApp app)
{
    [Fact]
    public async Task EditAttempt_Owner_ChangesOutcomeFeedbackLessonAndDate()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var attempt = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Open mic", date = "2025-02-20", outcome = "pending" }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("attempt-edit", attempt),
            ("AttemptEdit.Title", "Open mic night"), ("AttemptEdit.Date", "2025-02-21"), ("AttemptEdit.Outcome", "Failed"),
            ("AttemptEdit.Feedback", "Too fast"), ("AttemptEdit.Lesson", "Use a metronome"));
        var attempts = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/attempts");

        Assert.Contains("Edit<span class=\"visually-hidden\"> “Open mic”</span>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith("#perseverance", posted.Location?.ToString(), StringComparison.Ordinal);
        var edited = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal("Open mic night", edited.GetProperty("title").GetString());
        Assert.Equal("2025-02-21", edited.GetProperty("date").GetString());
        Assert.Equal("failed", edited.GetProperty("outcome").GetString());
        Assert.Equal("Too fast", edited.GetProperty("feedback").GetString());
        Assert.Equal("Use a metronome", edited.GetProperty("lesson").GetString());
    }

    [Fact]
    public async Task EditAttempt_BlankTitle_Returns400WithTheTitleMessageAndChangesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var attempt = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Open mic", date = "2025-02-20", outcome = "pending" }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("attempt-edit", attempt),
            ("AttemptEdit.Title", ""), ("AttemptEdit.Date", "2025-02-20"), ("AttemptEdit.Outcome", "Succeeded"), ("AttemptEdit.Lesson", "Kept"));
        var attempts = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/attempts");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("Give the attempt a title (up to 200 characters).", posted.Html, StringComparison.Ordinal);
        Assert.Contains(">Kept</textarea>", posted.Html, StringComparison.Ordinal);
        var unchanged = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal("Open mic", unchanged.GetProperty("title").GetString());
        Assert.Equal("pending", unchanged.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task DeleteAttempt_Owner_RemovesItAndTheOthersAreNumberedAgain()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var first = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Open mic", date = "2025-02-10", outcome = "failed", lesson = "Slow down" }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Contest", date = "2025-02-20", outcome = "succeeded" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("attempt-delete", first));
        var attempts = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/attempts");

        Assert.Contains("Delete “Open mic”", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var left = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal("Contest", left.GetProperty("title").GetString());
        Assert.Equal(1, left.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Mentor_GetsNoAttemptFormsAndForgedPostsChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, mentor, goal, "mentor");
        var attempt = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Open mic", date = "2025-02-20", outcome = "pending" }));
        var (browser, page) = await OpenAsync(app, mentor, goal);
        using var _ = browser;

        var edit = await ForgeAsync(browser, goal, ItemForm("attempt-edit", attempt),
            ("AttemptEdit.Title", "Mine"), ("AttemptEdit.Date", "2025-02-20"), ("AttemptEdit.Outcome", "Succeeded"));
        var delete = await ForgeAsync(browser, goal, ItemForm("attempt-delete", attempt));
        var attempts = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/attempts");

        Assert.Contains("Open mic", page, StringComparison.Ordinal);
        Assert.False(PageBrowser.HasForm(page, ItemForm("attempt-edit", attempt)));
        Assert.False(PageBrowser.HasForm(page, ItemForm("attempt-delete", attempt)));
        Assert.Equal(HttpStatusCode.BadRequest, edit);
        Assert.Equal(HttpStatusCode.BadRequest, delete);
        var unchanged = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal("Open mic", unchanged.GetProperty("title").GetString());
    }
}

public sealed class AttemptFormsTests_Sqlite(SqliteApp app) : AttemptFormsTests(app);

public sealed class AttemptFormsTests_Postgres(PostgresApp app) : AttemptFormsTests(app);
