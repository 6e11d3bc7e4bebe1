using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The goal page, served by the real app, read as HTML by a signed-in browser without JavaScript.</summary>
public abstract partial class GoalPageTests(RecetaApp app)
{
    private static readonly string[] Sections = ["purpose", "scorecard", "progress", "roadmap", "preparation", "work", "perseverance", "circle"];

    [Fact]
    public async Task Get_Owner_ShowsEverySectionWithTheNumbersOfTheApi()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        foreach (var day in new[] { "2025-01-05", "2025-01-20", "2025-02-10", "2025-02-25" })
        {
            await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = day, value = 7.5 });
        }
        await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = "2025-02-26", minutes = 90, note = "Practice" });
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(owner);

        var (status, html) = await browser.GetAsync($"/goals/{goal}");
        var progress = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/progress");
        var recipe = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/recipe");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(Sections, id => Assert.Contains($"<section id=\"{id}\"", html, StringComparison.Ordinal));
        var percent = progress.GetProperty("percentComplete").GetDouble().ToString("N1", CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"data-field=\"percentComplete\">{percent} %", html, StringComparison.Ordinal);
        Assert.Contains($"data-score=\"{recipe.GetProperty("score").GetInt32()}\"", html, StringComparison.Ordinal);
        Assert.Contains("How far you are", html, StringComparison.Ordinal);
        Assert.Contains("Write down why", html, StringComparison.Ordinal);
        Assert.Equal(3, SvgCharts().Count(html));
        Assert.Contains("<polyline class=\"line-value\"", html, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"line-road\"", html, StringComparison.Ordinal);
        Assert.Contains("<line class=\"marker-target\"", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{new DateOnly(2025, 2, 25).ToString("d", CultureInfo.GetCultureInfo("en"))}</th><td>30.0</td>", html, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"chart-bar-fill\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_WithAForecast_DrawsTheP50ToP90BandAndNamesItsDates()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        for (var day = 20; day <= 28; day++)
        {
            await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = $"2025-02-{day}", value = 1 });
        }
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(owner);

        var (_, html) = await browser.GetAsync($"/goals/{goal}");
        var forecast = (await GetJsonAsync(owner, $"/api/v1/goals/{goal}/progress")).GetProperty("forecast");

        var en = CultureInfo.GetCultureInfo("en");
        var p50 = DateOnly.Parse(forecast.GetProperty("p50").GetString()!, CultureInfo.InvariantCulture).ToString("d", en);
        var p90 = DateOnly.Parse(forecast.GetProperty("p90").GetString()!, CultureInfo.InvariantCulture).ToString("d", en);
        Assert.Contains("<polygon class=\"area-forecast\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-field=\"forecast\">{p50} to {p90}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InSpanish_ShowsSpanishLabelsDatesAndNumbers()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 12.5 });
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Audition", date = "2025-02-01", outcome = "failed", lesson = "Warm up" });
        using var browser = new PageBrowser(app, "es");
        await browser.SignInAsync(owner);

        var (status, page) = await browser.GetAsync($"/goals/{goal}");
        // Whether the encoder writes "é" or "&#xE9;" is the host's choice; the text is what counts.
        var html = WebUtility.HtmlDecode(page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Qué tan lejos estás", html, StringComparison.Ordinal);
        Assert.Contains("Intento 1", html, StringComparison.Ordinal);
        Assert.Contains("Esta vez no", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"percentComplete\">12,5 %", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{new DateOnly(2025, 2, 10).ToString("d", CultureInfo.GetCultureInfo("es"))}</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("How far you are", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BrowserInPortuguese_ShowsBrazilianPortugueseLabelsDatesAndNumbers()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 12.5 });
        await PostAsync(owner, $"/api/v1/goals/{goal}/attempts", new { title = "Audition", date = "2025-02-01", outcome = "failed", lesson = "Warm up" });
        // A browser set to Portugal's Portuguese reads the one Portuguese there is, not English.
        using var browser = new PageBrowser(app, "pt-PT");
        await browser.SignInAsync(owner);

        var (status, page) = await browser.GetAsync($"/goals/{goal}");
        var html = WebUtility.HtmlDecode(page);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"pt-BR\">", html, StringComparison.Ordinal);
        Assert.Contains("A distância que falta", html, StringComparison.Ordinal);
        Assert.Contains("Tentativa 1", html, StringComparison.Ordinal);
        Assert.Contains("Desta vez não", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"percentComplete\">12,5 %", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">10/02/2025</th>", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"es\">Español</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("How far you are", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Stranger_Returns404()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(stranger);

        var (status, html) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Learn the guitar", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Viewer_SeesTheGoalButNoEditFormAndAForgedPostIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, viewer, goal, "viewer");
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(viewer);

        var (status, html) = await browser.GetAsync($"/goals/{goal}");
        var token = await browser.ApiAntiforgeryTokenAsync();
        var forged = await browser.PostAsync($"/goals/{goal}",
            [("_handler", "entry"), ("__RequestVerificationToken", token), ("Entry.Date", "2025-02-20"), ("Entry.Value", "50")]);
        var entries = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/entries");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Learn the guitar", html, StringComparison.Ordinal);
        Assert.All(new[] { "entry", "milestone", "work", "habit-check", "attempt", "cheer" }, form => Assert.False(PageBrowser.HasForm(html, form), form));
        Assert.True((int)forged.Status >= 400, $"A forged post is refused, not {forged.Status}.");
        Assert.Equal(0, entries.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PostEntryForm_Owner_AddsTheEntryAndRedirectsBackToThePage()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(owner);
        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "entry",
            ("Entry.Date", "2025-02-20"), ("Entry.Value", "42.5"), ("Entry.Note", "Scales"));
        var entries = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/entries");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith($"/goals/{goal}#progress", posted.Location?.ToString(), StringComparison.Ordinal);
        var entry = Assert.Single(entries.GetProperty("items").EnumerateArray());
        Assert.Equal(42.5, entry.GetProperty("value").GetDouble());
        Assert.Equal("Scales", entry.GetProperty("note").GetString());
        Assert.Contains("data-field=\"current\">42.5 hours", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostForms_Owner_AddsAMilestoneWithADependencyAFailedAttemptWithItsLessonWorkAndAHabitTick()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var first = (await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords", dueDate = "2025-03-10" })).GetProperty("id").GetString()!;
        var habit = (await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 })).GetProperty("id").GetString()!;
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(owner);
        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        var milestone = await browser.SubmitAsync($"/goals/{goal}", page, "milestone",
            ("Milestone.Title", "Play a song"), ("Milestone.DueDate", "2025-03-30"), ("Milestone.EstimateHours", "10"), ("Milestone.DependsOn", first));
        var attempt = await browser.SubmitAsync($"/goals/{goal}", page, "attempt",
            ("Attempt.Title", "Open mic"), ("Attempt.Date", "2025-02-28"), ("Attempt.Outcome", "Failed"),
            ("Attempt.Feedback", "Too fast"), ("Attempt.Lesson", "Use a metronome"));
        var work = await browser.SubmitAsync($"/goals/{goal}", page, "work", ("Session.Date", "2025-02-28"), ("Session.Minutes", "45"), ("Session.Note", "Chords"));
        var tick = await browser.SubmitAsync($"/goals/{goal}", page, "habit-check", ("HabitCheck.HabitId", habit));
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");
        var attempts = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/attempts");
        var habitView = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.All(new[] { milestone, attempt, work, tick }, posted => Assert.Equal(HttpStatusCode.Redirect, posted.Status));
        var added = Assert.Single(roadmap.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Play a song");
        Assert.Equal(first, added.GetProperty("dependsOn")[0].GetString());
        var failed = Assert.Single(attempts.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        Assert.Equal("Use a metronome", failed.GetProperty("lesson").GetString());
        Assert.Equal(1, habitView.GetProperty("currentStreak").GetInt32());
        Assert.Contains("Attempt 1", after, StringComparison.Ordinal);
        Assert.Contains("Use a metronome", after, StringComparison.Ordinal);
        Assert.Contains("Depends on</dt><dd>Learn chords</dd>", after, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", after, StringComparison.Ordinal);
        Assert.Contains("<td>45</td><td>Chords</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMilestoneForm_Invalid_Returns400AndShowsTheProblemAndSavesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(owner);
        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "milestone", ("Milestone.Title", " "), ("Milestone.DueDate", "2025-03-30"));
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("role=\"alert\"", posted.Html, StringComparison.Ordinal);
        Assert.Contains("Give the milestone a title", posted.Html, StringComparison.Ordinal);
        Assert.Equal(0, roadmap.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PostCheerForm_Cheerleader_AddsTheCheerButGetsNoEditForm()
    {
        var owner = await app.CreateUserAsync();
        var cheerleader = await app.CreateUserAsync(displayName: "Abuela");
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, cheerleader, goal, "cheerleader");
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(cheerleader);
        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "cheer", ("Cheer.Message", "¡Sí se puede!"));
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.False(PageBrowser.HasForm(page, "entry"));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("¡Sí se puede!", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.Contains("Abuela", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMarkDone_Owner_CompletesTheMilestoneToday()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var milestone = (await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" })).GetProperty("id").GetString()!;
        using var browser = new PageBrowser(app);
        await browser.SignInAsync(owner);
        var (_, page) = await browser.GetAsync($"/goals/{goal}");

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "milestone-done", ("MilestoneDone.MilestoneId", milestone));
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var done = Assert.Single(roadmap.GetProperty("items").EnumerateArray());
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal("2025-03-01", done.GetProperty("completedOn").GetString());
    }

    [Fact]
    public async Task PostSuggestion_MentorSuggestsOwnerAccepts_TheSuggestionBecomesAMilestone()
    {
        var owner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync(displayName: "Salvador");
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, mentor, goal, "mentor");
        using var mentorBrowser = new PageBrowser(app);
        await mentorBrowser.SignInAsync(mentor);
        var (_, mentorPage) = await mentorBrowser.GetAsync($"/goals/{goal}");
        var suggested = await mentorBrowser.SubmitAsync($"/goals/{goal}", mentorPage, "suggest",
            ("Suggestion.Title", "Take lessons"), ("Suggestion.DueDate", "2025-03-20"));
        using var ownerBrowser = new PageBrowser(app);
        await ownerBrowser.SignInAsync(owner);
        var (_, ownerPage) = await ownerBrowser.GetAsync($"/goals/{goal}");
        var suggestion = (await GetJsonAsync(owner, $"/api/v1/goals/{goal}/suggestions")).GetProperty("items")[0].GetProperty("id").GetString()!;

        var accepted = await ownerBrowser.SubmitAsync($"/goals/{goal}", ownerPage, "accept-suggestion", ("Accept.SuggestionId", suggestion));
        var roadmap = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/roadmap");

        Assert.Equal(HttpStatusCode.Redirect, suggested.Status);
        Assert.False(PageBrowser.HasForm(mentorPage, "accept-suggestion"), "A mentor suggests but does not accept.");
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var milestone = Assert.Single(roadmap.GetProperty("items").EnumerateArray());
        Assert.Equal("Take lessons", milestone.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_AsOf_ShowsTheGoalAsOfThatDay()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-10", value = 10 });
        await PostAsync(owner, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 10 });
        using var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(owner);

        var (status, html) = await browser.GetAsync($"/goals/{goal}?asOf=2025-01-31");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-field=\"current\">10 hours", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-01-31\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg [^>]*role=\"img\" aria-label=\"[^\"]+\"")]
    private static partial Regex SvgCharts();
}

public sealed class GoalPageTests_Sqlite(SqliteApp app) : GoalPageTests(app);

public sealed class GoalPageTests_Postgres(PostgresApp app) : GoalPageTests(app);
