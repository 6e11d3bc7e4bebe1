using System.Globalization;
using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>Breaks on the goal page (taken, listed, shaded on the chart, removed) and the outlook beside the forecast.</summary>
public abstract class BreakFormsTests(RecetaApp app)
{
    private static string Day(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d", CultureInfo.GetCultureInfo("en"));

    [Fact]
    public async Task PostBreak_Owner_ListsItAndShadesItOnTheChart()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "break",
            ("Break.From", "2025-03-10"), ("Break.To", "2025-03-16"), ("Break.Note", "Exams"));
        var pause = Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/breaks")).GetProperty("items").EnumerateArray());
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#breaks", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Exams", pause.GetProperty("note").GetString());
        Assert.Contains($"{Day("2025-03-10")} to {Day("2025-03-16")} (7 days)", after, StringComparison.Ordinal);
        Assert.Contains("class=\"band-break\"", after, StringComparison.Ordinal);
        Assert.Contains($"Break from {Day("2025-03-10")} to {Day("2025-03-16")}", after, StringComparison.Ordinal);
        Assert.True(PageBrowser.HasForm(after, ItemForm("break-delete", Id(pause))));
    }

    [Fact]
    public async Task PostBreak_OverlappingAnother_SaysSoAndKeepsOne()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await PostAsync(owner, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-10", to = "2025-03-16" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "break", ("Break.From", "2025-03-15"), ("Break.To", "2025-03-20"));

        Assert.Equal(HttpStatusCode.Conflict, posted.Status);
        Assert.Contains("This break overlaps another one", posted.Html, StringComparison.Ordinal);
        Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/breaks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task PostBreakDelete_Owner_RemovesIt()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var pause = await PostIdAsync(owner, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-10", to = "2025-03-16" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("break-delete", pause));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Empty((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/breaks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task PostBreak_Viewer_SeesBreaksWithoutFormsAndAForgedOneIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var pause = await PostIdAsync(owner, $"/api/v1/goals/{goal}/breaks", new { from = "2025-03-10", to = "2025-03-16" });
        await JoinAsync(owner, viewer, goal, "viewer");
        var (browser, page) = await OpenAsync(app, viewer, goal);
        using var _ = browser;

        var forged = await ForgeAsync(browser, goal, "break", ("Break.From", "2025-05-01"), ("Break.To", "2025-05-02"));

        Assert.Contains($"id=\"break-{pause}\"", page, StringComparison.Ordinal);
        Assert.False(PageBrowser.HasForm(page, "break"));
        Assert.False(PageBrowser.HasForm(page, ItemForm("break-delete", pause)));
        AssertRefused(forged);
        Assert.Single((await GetJsonAsync(owner, $"/api/v1/goals/{goal}/breaks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Get_SteadyHoursWithWork_SaysTheOddsWhereThePlannedHoursLeadAndHowGoodTheForecastHasBeen()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 3, 1); day = day.AddDays(1))
        {
            await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = day, value = 1 });
            if (day > new DateOnly(2025, 2, 1))
            {
                await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = day, minutes = 60 });
            }
        }

        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        // 60 of 100 by 2025-03-01 at 1 a day: 100 on 2025-04-10, a day early, on every path.
        Assert.Contains($"100 % chance to make it by {Day("2025-04-11")}.", page, StringComparison.Ordinal);
        // An hour bought an hour; 40 left at the default 5 hours a week is 56 days.
        Assert.Contains($"At your planned 5 hours a week you arrive on {Day("2025-04-26")}.", page, StringComparison.Ordinal);
        Assert.Contains("Lately one hours has cost 1 hour of work.", page, StringComparison.Ordinal);
        // Checks on 01-11, 01-18, 01-25 and 02-01 (01-04 had fewer than 7 changes); steady progress stays in every band.
        Assert.Contains("The 80 % band held 4 of the last 4 times.", page, StringComparison.Ordinal);
    }
}

public sealed class BreakFormsTests_Sqlite(SqliteApp app) : BreakFormsTests(app);

public sealed class BreakFormsTests_Postgres(PostgresApp app) : BreakFormsTests(app);
