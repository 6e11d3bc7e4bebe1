using System.Net;
using Receta.Testing;
using static Receta.Web.Tests.Pages.GoalPageApi;

namespace Receta.Web.Tests.Pages;

/// <summary>The work section's forms: log work for a milestone, delete a session, add, edit and delete habits, tick and untick, skip and take a skip back.</summary>
public abstract class WorkFormsTests(RecetaApp app)
{
    [Fact]
    public async Task PostWork_ForAMilestone_LogsTheSessionForItAndShowsIt()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var milestone = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/milestones", new { title = "Learn chords" }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "work",
            ("Session.Date", "2025-02-28"), ("Session.Minutes", "30"), ("Session.Note", "Scales"), ("Session.MilestoneId", milestone));
        var work = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/work");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var session = Assert.Single(work.GetProperty("items").EnumerateArray());
        Assert.Equal(milestone, session.GetProperty("milestoneId").GetString());
        Assert.Contains("for “Learn chords”", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWork_TooManyMinutes_Returns400WithTheMinutesMessageAndSavesNothing()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "work", ("Session.Date", "2025-02-28"), ("Session.Minutes", "1441"));
        var work = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/work");

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("Minutes are a whole number from 1 to 1,440.", posted.Html, StringComparison.Ordinal);
        Assert.Equal(0, work.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task DeleteWork_Owner_RemovesTheSession()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var kept = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = "2025-02-27", minutes = 20 }));
        var session = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = "2025-02-28", minutes = 45 }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("work-delete", session));
        var work = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/work");

        Assert.Contains("Delete<span class=\"visually-hidden\"> the session of 2/28/2025 (45 minutes)</span></button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith("#work", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(kept, Id(Assert.Single(work.GetProperty("items").EnumerateArray())));
    }

    [Fact]
    public async Task AddHabit_ThreeTimesAWeek_AddsItAndTheInvalidOneIsRefused()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var refused = await browser.SubmitAsync($"/goals/{goal}", page, "habit", ("NewHabit.Title", "Practise"), ("NewHabit.Times", "8"), ("NewHabit.PerDays", "7"));
        var none = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits");
        var added = await browser.SubmitAsync($"/goals/{goal}", page, "habit", ("NewHabit.Title", "Practise"), ("NewHabit.Times", "3"), ("NewHabit.PerDays", "7"));
        var habits = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Times are a whole number from 1 to 31, and at most the number of days.", refused.Html, StringComparison.Ordinal);
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var habit = Assert.Single(habits.GetProperty("items").EnumerateArray());
        Assert.Equal("Practise", habit.GetProperty("title").GetString());
        Assert.Equal(3, habit.GetProperty("times").GetInt32());
        Assert.Equal(7, habit.GetProperty("perDays").GetInt32());
    }

    [Fact]
    public async Task EditHabit_Reminders_AreSetShownAgainAndCleared_AndTwoAtOneTimeAreRefused()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        var form = ItemForm("habit-edit", habit);
        (string, string)[] Fields(params (string, string)[] reminders) =>
            [("HabitEdit.Title", "Practise"), ("HabitEdit.Times", "1"), ("HabitEdit.PerDays", "1"), .. reminders];

        var saved = await browser.SubmitAsync($"/goals/{goal}", page, form,
            Fields(("HabitEdit.ReminderTimes[0]", "07:30"), ("HabitEdit.ReminderDays[0]", "mon,tue,wed,thu,fri"), ("HabitEdit.ReminderTimes[1]", ""), ("HabitEdit.ReminderTimes[2]", "19:00")));
        var set = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");
        var (_, shown) = await browser.GetAsync($"/goals/{goal}");
        var refused = await browser.SubmitAsync($"/goals/{goal}", shown, form,
            Fields(("HabitEdit.ReminderTimes[0]", "07:30"), ("HabitEdit.ReminderTimes[1]", "07:30")));
        var cleared = await browser.SubmitAsync($"/goals/{goal}", shown, form, Fields());

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("""[{"time":"07:30","weekdays":["mon","tue","wed","thu","fri"]},{"time":"19:00","weekdays":["mon","tue","wed","thu","fri","sat","sun"]}]""",
            set.GetProperty("reminders").GetRawText());
        Assert.Contains("name=\"HabitEdit.ReminderTimes[0]\" value=\"07:30\"", shown, StringComparison.Ordinal);
        Assert.Contains("<option value=\"mon,tue,wed,thu,fri\" selected", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("different from the others", refused.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        Assert.Equal("[]", (await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}")).GetProperty("reminders").GetRawText());
    }

    [Fact]
    public async Task EditHabit_Owner_ChangesItAndABlankTitleIsRefusedWithTheFormKeptOpen()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        var form = ItemForm("habit-edit", habit);

        var refused = await browser.SubmitAsync($"/goals/{goal}", page, form, ("HabitEdit.Title", " "), ("HabitEdit.Times", "2"), ("HabitEdit.PerDays", "7"));
        var unchanged = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");
        var saved = await browser.SubmitAsync($"/goals/{goal}", page, form, ("HabitEdit.Title", "Practise scales"), ("HabitEdit.Times", "2"), ("HabitEdit.PerDays", "7"));
        var changed = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Give the habit a title (at most 200 characters).", refused.Html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"item-edit\" open", refused.Html, StringComparison.Ordinal);
        Assert.Equal("Practise", unchanged.GetProperty("title").GetString());
        Assert.Equal(1, unchanged.GetProperty("times").GetInt32());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("Practise scales", changed.GetProperty("title").GetString());
        Assert.Equal(2, changed.GetProperty("times").GetInt32());
        Assert.Equal(7, changed.GetProperty("perDays").GetInt32());
    }

    [Fact]
    public async Task DeleteHabit_Owner_RemovesIt()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, ItemForm("habit-delete", habit));
        var habits = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits");

        Assert.Contains("Delete “Practise”", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(0, habits.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Untick_AnEarlierDay_RemovesOnlyThatDaysCheck()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-27" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-03-01" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "habit-check", ("HabitCheck.Uncheck", $"{Guid.Parse(habit):N}/2025-02-27"));
        var view = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");

        Assert.Contains("Done today", page, StringComparison.Ordinal);
        Assert.Contains("Untick<span class=\"visually-hidden\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(["2025-03-01"], view.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(1, view.GetProperty("currentStreak").GetInt32());
    }

    [Fact]
    public async Task Skip_Today_SkipsItAndShowsItAsSkippedInWords()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "habit-check", ("HabitCheck.Skip", habit));
        var view = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");
        var (_, after) = await browser.GetAsync($"/goals/{goal}");
        var shown = WebUtility.HtmlDecode(after);

        Assert.Contains("Skip “Practise” today", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.EndsWith("#work", posted.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(["2025-03-01"], view.GetProperty("skips").EnumerateArray().Select(c => c.GetString()));
        // The skip keeps yesterday's streak alive, and the page says so in words: no tick or skip button is left.
        Assert.Equal(1, view.GetProperty("currentStreak").GetInt32());
        Assert.Contains("streak 1 day (best ", shown, StringComparison.Ordinal);
        Assert.Contains("Skipped today", shown, StringComparison.Ordinal);
        Assert.Contains("Skipped on:", shown, StringComparison.Ordinal);
        Assert.Contains("Take back<span class=\"visually-hidden\"> the skip of “Practise” on 3/1/2025</span>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Tick “Practise” for today", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip “Practise” today", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakeBackSkip_AnEarlierDay_RemovesOnlyThatSkip()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/skips", new { date = "2025-02-26" });
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/skips", new { date = "2025-02-27" });
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "habit-check", ("HabitCheck.Unskip", $"{Guid.Parse(habit):N}/2025-02-27"));
        var view = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(["2025-02-26"], view.GetProperty("skips").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Skip_DayTickedMeanwhile_Returns409WithTheConflictMessageAndKeepsTheTick()
    {
        var owner = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        var (browser, page) = await OpenAsync(app, owner, goal);
        using var _ = browser;
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-03-01" });

        var posted = await browser.SubmitAsync($"/goals/{goal}", page, "habit-check", ("HabitCheck.Skip", habit));
        var view = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}");

        Assert.Equal(HttpStatusCode.Conflict, posted.Status);
        Assert.Contains("This could not be saved: it conflicts with what is there.", posted.Html, StringComparison.Ordinal);
        Assert.Equal(["2025-03-01"], view.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(view.GetProperty("skips").EnumerateArray());
    }

    [Fact]
    public async Task Mentor_GetsNoWorkOrHabitFormsAndForgedPostsChangeNothing()
    {
        var owner = await app.CreateUserAsync();
        var mentor = await app.CreateUserAsync();
        var goal = await CreateGoalAsync(owner);
        await JoinAsync(owner, mentor, goal, "mentor");
        var session = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/work", new { date = "2025-02-28", minutes = 45 }));
        var habit = Id(await PostAsync(owner, $"/api/v1/goals/{goal}/habits", new { title = "Practise", times = 1, perDays = 1 }));
        await PostAsync(owner, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" });
        var (browser, page) = await OpenAsync(app, mentor, goal);
        using var _ = browser;

        var forged = new[]
        {
            await ForgeAsync(browser, goal, ItemForm("work-delete", session)),
            await ForgeAsync(browser, goal, ItemForm("habit-delete", habit)),
            await ForgeAsync(browser, goal, ItemForm("habit-edit", habit), ("HabitEdit.Title", "Mine"), ("HabitEdit.Times", "1"), ("HabitEdit.PerDays", "1")),
            await ForgeAsync(browser, goal, "habit-check", ("HabitCheck.Uncheck", $"{Guid.Parse(habit):N}/2025-02-28")),
            await ForgeAsync(browser, goal, "habit-check", ("HabitCheck.Skip", habit)),
            await ForgeAsync(browser, goal, "habit", ("NewHabit.Title", "Mine"), ("NewHabit.Times", "1"), ("NewHabit.PerDays", "1")),
        };
        var work = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/work");
        var habits = await GetJsonAsync(owner, $"/api/v1/goals/{goal}/habits");

        Assert.All(new[] { "work", "habit", "habit-check", ItemForm("work-delete", session), ItemForm("habit-edit", habit), ItemForm("habit-delete", habit) },
            form => Assert.False(PageBrowser.HasForm(page, form), form));
        Assert.All(forged, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(1, work.GetProperty("items").GetArrayLength());
        var kept = Assert.Single(habits.GetProperty("items").EnumerateArray());
        Assert.Equal("Practise", kept.GetProperty("title").GetString());
        Assert.Equal(1, kept.GetProperty("checks").GetArrayLength());
        Assert.Empty(kept.GetProperty("skips").EnumerateArray());
        Assert.DoesNotContain("Skip “Practise” today", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }
}

public sealed class WorkFormsTests_Sqlite(SqliteApp app) : WorkFormsTests(app);

public sealed class WorkFormsTests_Postgres(PostgresApp app) : WorkFormsTests(app);
