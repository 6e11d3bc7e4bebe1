using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Work;

/// <summary>recipe.md Part two, "Breaks and skips", for habits: a date holds a check or a skip, and excused days do not count.</summary>
public abstract class HabitSkipTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SkipHabit_NewDate_Returns201WithLocationThenSameDateReturns200AndChangesNothing()
    {
        var (user, goal, habit) = await DailyHabitAsync();

        using var first = await SkipAsync(user, goal, habit, "2025-02-28");
        await first.AssertStatusAsync(HttpStatusCode.Created);
        var body = await first.ReadJsonAsync();
        var afterFirst = await HabitTextAsync(user, goal, habit, "2025-03-01");
        using var second = await SkipAsync(user, goal, habit, "2025-02-28");

        Assert.Equal($"/api/v1/goals/{goal}/habits/{habit}/skips/2025-02-28", first.Headers.Location?.OriginalString);
        Assert.Equal(habit, body.GetProperty("habitId").GetString());
        Assert.Equal("2025-02-28", body.GetProperty("date").GetString());
        await second.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(body.GetRawText(), (await second.ReadJsonAsync()).GetRawText());
        Assert.Equal(afterFirst, await HabitTextAsync(user, goal, habit, "2025-03-01"));
        var view = await HabitAsync(user, goal, habit, "2025-03-01");
        Assert.Equal(["2025-02-28"], Dates(view.GetProperty("skips")));
        Assert.Empty(Dates(view.GetProperty("checks")));
    }

    [Fact]
    public async Task SkipHabit_CheckedDate_Returns409AndChangesNothing()
    {
        var (user, goal, habit) = await DailyHabitAsync();
        await CheckAsync(user, goal, habit, "2025-02-28");
        var before = await HabitTextAsync(user, goal, habit, "2025-03-01");

        using var response = await SkipAsync(user, goal, habit, "2025-02-28");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await HabitTextAsync(user, goal, habit, "2025-03-01"));
    }

    [Fact]
    public async Task CheckHabit_SkippedDate_Returns409AndChangesNothing()
    {
        var (user, goal, habit) = await DailyHabitAsync();
        await SkipDatesAsync(user, goal, habit, "2025-02-28");
        var before = await HabitTextAsync(user, goal, habit, "2025-03-01");

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-28" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await HabitTextAsync(user, goal, habit, "2025-03-01"));
    }

    [Fact]
    public async Task UnskipHabit_SkippedDate_Returns204AndTheDayCountsAgain()
    {
        // Checked Feb 26 and 28 with Feb 27 skipped: a streak of 2. Taking the skip back breaks it.
        var (user, goal, habit) = await DailyHabitAsync();
        await CheckAsync(user, goal, habit, "2025-02-26", "2025-02-28");
        await SkipDatesAsync(user, goal, habit, "2025-02-27");
        Assert.Equal(2, (await HabitAsync(user, goal, habit, "2025-02-28")).GetProperty("currentStreak").GetInt32());

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/habits/{habit}/skips/2025-02-27", Cancellation);
        using var again = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/habits/{habit}/skips/2025-02-27", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        await again.AssertStatusAsync(HttpStatusCode.NoContent);
        var view = await HabitAsync(user, goal, habit, "2025-02-28");
        Assert.Empty(Dates(view.GetProperty("skips")));
        Assert.Equal(1, view.GetProperty("currentStreak").GetInt32());
        using var check = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-27" });
        await check.AssertStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SkipEndpoints_UnknownHabitOrBadDate_Return404Or400()
    {
        var (user, goal, _) = await DailyHabitAsync();
        var ghost = Guid.NewGuid();

        using var skip = await SkipAsync(user, goal, ghost.ToString(), "2025-02-28");
        using var unskip = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/habits/{ghost}/skips/2025-02-28", Cancellation);
        using var badDate = await SkipAsync(user, goal, (await DailyHabitOfAsync(user, goal)), "3000-01-01");

        await skip.AssertProblemAsync(HttpStatusCode.NotFound);
        await unskip.AssertProblemAsync(HttpStatusCode.NotFound);
        await badDate.AssertProblemAsync(HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task SkipEndpoints_ReadScopedToken_Return403AndChangeNothing()
    {
        var (user, goal, habit) = await DailyHabitAsync();
        await SkipDatesAsync(user, goal, habit, "2025-02-27");
        var before = await HabitTextAsync(user, goal, habit, "2025-03-01");
        var token = await user.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(token.Secret);

        using var skip = await reader.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/skips", new { date = "2025-02-28" });
        using var unskip = await reader.DeleteAsync($"/api/v1/goals/{goal}/habits/{habit}/skips/2025-02-27", Cancellation);

        await skip.AssertProblemAsync(HttpStatusCode.Forbidden);
        await unskip.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await HabitTextAsync(user, goal, habit, "2025-03-01"));
    }

    [Fact]
    public async Task GetHabit_DailyHabitThroughSkips_StreakCarriesOverAndSkipsAreListedUpToAsOf()
    {
        // Checked Feb 20–22 and 26–27, skipped Feb 23–25 (sent out of order) and Mar 1: five counted days in a row.
        var (user, goal, habit) = await DailyHabitAsync();
        await CheckAsync(user, goal, habit, "2025-02-20", "2025-02-21", "2025-02-22", "2025-02-26", "2025-02-27");
        await SkipDatesAsync(user, goal, habit, "2025-02-25", "2025-02-23", "2025-03-01", "2025-02-24");

        var view = await HabitAsync(user, goal, habit, "2025-02-28");
        var unbroken = await HabitAsync(user, goal, await DailyHabitOfAsync(user, goal, "2025-02-20", "2025-02-21", "2025-02-22", "2025-02-23", "2025-02-24"), "2025-02-25");

        Assert.Equal(["2025-02-23", "2025-02-24", "2025-02-25"], Dates(view.GetProperty("skips")));
        // Feb 28 is counted and not checked yet: the streak is the one ending on Feb 27.
        Assert.Equal(5, view.GetProperty("currentStreak").GetInt32());
        Assert.Equal(5, view.GetProperty("bestStreak").GetInt32());
        // Six counted days, five checked and then one not, as for five checks in a row judged the day after.
        Assert.Equal(unbroken.GetProperty("strength").GetDouble(), view.GetProperty("strength").GetDouble());
        Assert.Equal(unbroken.GetProperty("currentStreak").GetInt32(), view.GetProperty("currentStreak").GetInt32());
        var skippedToday = await HabitAsync(user, goal, habit, "2025-03-01");
        Assert.Equal(5, skippedToday.GetProperty("currentStreak").GetInt32());
        Assert.Equal(["2025-02-23", "2025-02-24", "2025-02-25", "2025-03-01"], Dates(skippedToday.GetProperty("skips")));
    }

    [Fact]
    public async Task GetHabit_DailyHabitThroughABreak_StreakCarriesOverAndACheckOnABreakDayCounts()
    {
        // A break Feb 23–26 with a check on Feb 25: the counted days Feb 20–22, 25, 27 and 28 are all checked.
        var (user, goal, habit) = await DailyHabitAsync();
        await AddBreakAsync(user, goal, "2025-02-23", "2025-02-26");
        await CheckAsync(user, goal, habit, "2025-02-20", "2025-02-21", "2025-02-22", "2025-02-25", "2025-02-27", "2025-02-28");

        var view = await HabitAsync(user, goal, habit, "2025-02-28");
        var list = await GetJsonAsync(user, $"/api/v1/goals/{goal}/habits?asOf=2025-02-28");

        Assert.Equal(6, view.GetProperty("currentStreak").GetInt32());
        Assert.Equal(6, view.GetProperty("bestStreak").GetInt32());
        Assert.Empty(Dates(view.GetProperty("skips")));
        Assert.Equal(view.GetRawText(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task SkipHabit_SameIdempotencyKeyTwice_AnswersAsTheFirstAndAnotherKeyGets200()
    {
        var (user, goal, habit) = await DailyHabitAsync();
        var key = Guid.NewGuid().ToString("N");

        using var first = await SkipWithKeyAsync(user, goal, habit, "2025-02-28", key);
        using var replay = await SkipWithKeyAsync(user, goal, habit, "2025-02-28", key);
        using var fresh = await SkipWithKeyAsync(user, goal, habit, "2025-02-28", Guid.NewGuid().ToString("N"));

        await first.AssertStatusAsync(HttpStatusCode.Created);
        await replay.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancellation), await replay.Content.ReadAsStringAsync(Cancellation));
        await fresh.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(["2025-02-28"], Dates((await HabitAsync(user, goal, habit, "2025-03-01")).GetProperty("skips")));
    }

    [Fact]
    public async Task Dashboard_HabitSkippedToday_IsNotDue()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Rest well" }));
        var skipped = await DailyHabitOfAsync(user, goal);
        var due = await DailyHabitOfAsync(user, goal);
        await SkipDatesAsync(user, goal, skipped, "2025-02-28");

        var dashboard = await GetJsonAsync(user, "/api/v1/dashboard?asOf=2025-02-28");
        var yesterday = await GetJsonAsync(user, "/api/v1/dashboard?asOf=2025-02-27");

        Assert.Equal([due], HabitsDue(dashboard, goal));
        Assert.Equal([skipped, due], HabitsDue(yesterday, goal));
    }

    private async Task<(TestUser User, string Goal, string Habit)> DailyHabitAsync()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Meditate" }));
        return (user, goal, await DailyHabitOfAsync(user, goal));
    }

    private static async Task<string> DailyHabitOfAsync(TestUser user, string goal, params string[] checks)
    {
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Sit", times = 1, perDays = 1 }));
        await CheckAsync(user, goal, habit, checks);
        return habit;
    }

    private static async Task AddBreakAsync(TestUser user, string goalId, string from, string to)
    {
        using var added = await user.Api.PostJsonAsync($"/api/v1/goals/{goalId}/breaks", new { from, to });
        await added.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> SkipAsync(TestUser user, string goal, string habit, string date) =>
        user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/skips", new { date });

    private static async Task<HttpResponseMessage> SkipWithKeyAsync(TestUser user, string goal, string habit, string date, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/goals/{goal}/habits/{habit}/skips")
        {
            Content = JsonContent.Create(new { date }, options: HttpJson.Options),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await user.Api.SendAsync(request, Cancellation);
    }

    private static async Task SkipDatesAsync(TestUser user, string goal, string habit, params string[] dates)
    {
        foreach (var date in dates)
        {
            using var response = await SkipAsync(user, goal, habit, date);
            await response.AssertStatusAsync(HttpStatusCode.Created);
        }
    }

    private static async Task CheckAsync(TestUser user, string goal, string habit, params string[] dates)
    {
        foreach (var date in dates)
        {
            using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/habits/{habit}/checks", new { date });
            await response.AssertStatusAsync(HttpStatusCode.Created);
        }
    }

    private static Task<JsonElement> HabitAsync(TestUser user, string goal, string habit, string asOf) =>
        GetJsonAsync(user, $"/api/v1/goals/{goal}/habits/{habit}?asOf={asOf}");

    private static async Task<string> HabitTextAsync(TestUser user, string goal, string habit, string asOf) =>
        (await HabitAsync(user, goal, habit, asOf)).GetRawText();

    private static List<string> HabitsDue(JsonElement dashboard, string goal) =>
        [.. dashboard.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("goal").GetProperty("id").GetString() == goal)
            .GetProperty("habitsDueToday").EnumerateArray().Select(Id)];

    private static List<string> Dates(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

public sealed class HabitSkipTests_Sqlite(SqliteApp app) : HabitSkipTests(app);

public sealed class HabitSkipTests_Postgres(PostgresApp app) : HabitSkipTests(app);
