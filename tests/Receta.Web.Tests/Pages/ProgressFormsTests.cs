using System.Globalization;
using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The progress section's entries: logged with a date (today unless changed), listed newest first, deleted one by one.</summary>
public abstract class ProgressFormsTests(RecetaApp app)
{
    [Fact]
    public async Task Get_Owner_ListsTheTenLatestEntriesNewestFirstAndTheFormDefaultsToToday()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var ids = new List<string>();
        for (var day = 1; day <= 12; day++)
        {
            ids.Add(await PostIdAsync(owner, $"/api/v1/goals/{goal}/entries",
                new { date = $"2025-02-{day:00}", value = day, note = $"Session {day}" }));
        }
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(owner);

        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        Assert.Contains("value=\"2025-03-01\"", PageBrowser.FormOf(page, "entry"), StringComparison.Ordinal);
        var shown = ids.Select(id => page.IndexOf($"id=\"entry-{id}\"", StringComparison.Ordinal)).ToList();
        Assert.All(shown.Take(2), position => Assert.Equal(-1, position));
        Assert.All(shown.Skip(2), position => Assert.True(position > 0));
        Assert.True(shown.Skip(2).Zip(shown.Skip(3)).All(pair => pair.First > pair.Second), "Newest first.");
        var twelfth = new DateOnly(2025, 2, 12).ToString("d", CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"<span class=\"entry-date\">{twelfth}</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"entry-value\">12 hours</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"entry-note\">Session 12</span>", page, StringComparison.Ordinal);
        Assert.True(PageBrowser.HasForm(page, $"entry-delete-{Guid.Parse(ids[^1]):N}"));
    }

    [Fact]
    public async Task PostEntryDelete_Owner_DeletesThatEntryOnly()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var first = await PostIdAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-01", value = 3 });
        var second = await PostIdAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-02", value = 4 });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, $"entry-delete-{Guid.Parse(first):N}");
        var entries = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/entries");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#progress", posted.Location?.ToString(), StringComparison.Ordinal);
        var left = Assert.Single(entries.GetProperty("items").EnumerateArray());
        Assert.Equal(second, left.GetProperty("id").GetString());
        Assert.Contains("data-field=\"current\">4 hours", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntryDelete_Viewer_SeesTheEntriesWithoutDeleteAndAForgedDeleteIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var entry = await PostIdAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-01", value = 3 });
        await JoinAsync(owner, viewer, goal, "viewer");
        var (browser, page) = await OpenAsync(app, viewer, goal);
        using var _ = browser;

        var forged = await ForgeAsync(browser, goal, $"entry-delete-{Guid.Parse(entry):N}");
        var entries = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/entries");

        Assert.Contains($"id=\"entry-{entry}\"", page, StringComparison.Ordinal);
        Assert.False(PageBrowser.HasForm(page, $"entry-delete-{Guid.Parse(entry):N}"));
        AssertRefused(forged);
        Assert.Single(entries.GetProperty("items").EnumerateArray());
    }
}

public sealed class ProgressFormsTests_Sqlite(SqliteApp app) : ProgressFormsTests(app);

public sealed class ProgressFormsTests_Postgres(PostgresApp app) : ProgressFormsTests(app);
