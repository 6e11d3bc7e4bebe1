using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Progress;

/// <summary>Part two of the progress view: what an hour buys, the odds of arriving on time, and how good the forecast has been.</summary>
public abstract class EffortOddsCalibrationTests(RecetaApp app)
{
    private static readonly object Chapters = new
    {
        title = "Write the thesis",
        startDate = "2025-01-01",
        targetDate = "2025-04-11",
        weeklyCapacityHours = 14,
        measure = new { unit = "chapters", start = 0, target = 100, aggregation = "sum" },
    };

    // One chapter every day from 2025-01-01 to 2025-02-28, with two hours of work a day in February.
    private async Task<(TestUser User, string Goal)> StudentAsync()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Chapters));
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 2, 28); day = day.AddDays(1))
        {
            await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = day, value = 1 });
            if (day.Month == 2)
            {
                await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = day, minutes = 120 });
            }
        }
        return (user, goal);
    }

    [Fact]
    public async Task Progress_StudyAndChapters_EffortToOutcomeAndCertainOdds()
    {
        var (user, goal) = await StudentAsync();

        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-02-28");

        // 56 hours bought 28 chapters; 41 are left, 82 hours at 2 hours a day: 2025-04-10, a day before the target.
        Assert.Equal(2, progress.GetProperty("hoursPerUnit").GetDouble(), 1e-12);
        Assert.Equal(82, progress.GetProperty("hoursToFinish").GetDouble(), 1e-12);
        Assert.Equal("2025-04-10", progress.GetProperty("finishAtCapacity").GetString());
        Assert.Equal("2025-04-10", progress.GetProperty("projectedCompletion").GetString());
        Assert.Equal(1, progress.GetProperty("onTimeProbability").GetDouble());
    }

    [Fact]
    public async Task Progress_NoWorkNoTargetDate_NewFieldsAreNull()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Read more", measure = new { unit = "books", start = 0, target = 10 } }));

        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress");

        foreach (var field in new[] { "hoursPerUnit", "hoursToFinish", "finishAtCapacity", "onTimeProbability" })
        {
            Assert.Equal(JsonValueKind.Null, progress.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task Dashboard_GoalWithATargetDate_ShowsTheOdds()
    {
        var (user, goal) = await StudentAsync();

        var dashboard = await GetJsonAsync(user, "/api/v1/dashboard?asOf=2025-02-28");

        var card = dashboard.GetProperty("items").EnumerateArray().Single(i => Id(i.GetProperty("goal")) == goal);
        Assert.Equal(1, card.GetProperty("onTimeProbability").GetDouble());
    }

    [Fact]
    public async Task Calibration_History_WeeklyChecksOldestFirst()
    {
        var (user, goal) = await StudentAsync();

        var calibration = await GetJsonAsync(user, $"/api/v1/goals/{goal}/calibration?asOf=2025-04-04");

        // Every 7 days back from 2025-03-07 while a forecast existed: it needs 7 daily changes after the start, so 01-10 is the first.
        var items = calibration.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("2025-04-04", calibration.GetProperty("asOf").GetString());
        Assert.Equal(9, calibration.GetProperty("evaluated").GetInt32());
        Assert.Equal(
            ["2025-01-10", "2025-01-17", "2025-01-24", "2025-01-31", "2025-02-07", "2025-02-14", "2025-02-21", "2025-02-28", "2025-03-07"],
            items.Select(i => i.GetProperty("date").GetString()));
        Assert.Equal(items.Count(i => i.GetProperty("covered").GetBoolean()), calibration.GetProperty("covered").GetInt32());
        Assert.All(items, i => Assert.True(i.GetProperty("low").GetDouble() <= i.GetProperty("high").GetDouble()));
        // 59 chapters by 2025-02-28 and none after: the value reached 28 days after 03-07 is 59.
        Assert.Equal(59, items[^1].GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task Calibration_GoalWithoutAMeasure_EvaluatesNothing()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Learn to swim" }));

        var calibration = await GetJsonAsync(user, $"/api/v1/goals/{goal}/calibration");

        Assert.Equal(0, calibration.GetProperty("evaluated").GetInt32());
        Assert.Equal(JsonValueKind.Null, calibration.GetProperty("coverage").ValueKind);
        Assert.Empty(calibration.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Calibration_BadAsOf_Returns400NamingIt()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, Chapters));

        using var response = await user.Api.GetAsync($"/api/v1/goals/{goal}/calibration?asOf=2025-02-30", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "asOf");
    }
}

public sealed class EffortOddsCalibrationTests_Sqlite(SqliteApp app) : EffortOddsCalibrationTests(app);

public sealed class EffortOddsCalibrationTests_Postgres(PostgresApp app) : EffortOddsCalibrationTests(app);
