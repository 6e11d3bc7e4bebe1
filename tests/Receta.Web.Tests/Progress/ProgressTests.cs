using System.Net;
using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Progress;

public abstract class ProgressTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Progress_WorkedExample1_MatchesRecipe()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Study 100 hours",
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" },
        }));
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 1, 31); day = day.AddDays(1))
        {
            await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = day, value = 1.0 });
        }

        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-02-10");

        Assert.Equal("2025-02-10", progress.GetProperty("asOf").GetString());
        Assert.Equal(31, progress.GetProperty("current").GetDouble());
        Assert.Equal(0, progress.GetProperty("start").GetDouble());
        Assert.Equal(100, progress.GetProperty("target").GetDouble());
        Assert.Equal(69, progress.GetProperty("remaining").GetDouble());
        Assert.Equal(31.0, progress.GetProperty("percentComplete").GetDouble());
        Assert.False(progress.GetProperty("achieved").GetBoolean());
        Assert.Equal(40, progress.GetProperty("road").GetDouble(), 9);
        Assert.Equal(-9, progress.GetProperty("aheadBy").GetDouble(), 9);
        Assert.Equal(-9, progress.GetProperty("bufferDays").GetInt32());
        Assert.Equal(18.0 / 28, progress.GetProperty("recentRatePerDay").GetDouble(), 12);
        Assert.Equal(1.15, progress.GetProperty("requiredRatePerDay").GetDouble(), 12);
        Assert.Equal("2025-05-29", progress.GetProperty("projectedCompletion").GetString());
        Assert.Equal("behind", progress.GetProperty("status").GetString());
        var forecast = progress.GetProperty("forecast");
        Assert.True(DateOnly.Parse(forecast.GetProperty("p50").GetString()!) <= DateOnly.Parse(forecast.GetProperty("p90").GetString()!));
    }

    [Fact]
    public async Task Progress_WorkedExample3_LastReadingOfTheDayCounts()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Reach 80 kg",
            startDate = "2025-02-01",
            targetDate = "2025-08-01",
            measure = new { unit = "kg", start = 92, target = 80, aggregation = "last" },
        }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-03", value = 91.6 });
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 91.9 });
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 91.2 });

        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-02-12");

        Assert.Equal(91.2, progress.GetProperty("current").GetDouble());
        Assert.Equal(-0.8 / 11, progress.GetProperty("recentRatePerDay").GetDouble(), 12);
        Assert.Equal("2025-07-16", progress.GetProperty("projectedCompletion").GetString());
        Assert.Equal(1, progress.GetProperty("bufferDays").GetInt32());
        Assert.Equal("onTrack", progress.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Progress_WorkedExample4_TenTenthsReachOne()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "One",
            startDate = "2025-01-01",
            measure = new { start = 0, target = 1, aggregation = "sum" },
        }));
        for (var i = 0; i < 10; i++)
        {
            await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-05", value = 0.1 });
        }

        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-05");

        Assert.True(progress.GetProperty("achieved").GetBoolean());
        Assert.Equal(0, progress.GetProperty("remaining").GetDouble());
        Assert.Equal(100.0, progress.GetProperty("percentComplete").GetDouble());
        Assert.Equal("achieved", progress.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("forecast").ValueKind);
    }

    [Fact]
    public async Task Progress_MilestoneWaypoint_BendsTheRoad()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Write a thesis",
            startDate = "2025-01-01",
            targetDate = "2025-01-21",
            measure = new { unit = "pages", start = 0, target = 100 },
        }));
        var straight = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-06");
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Draft", dueDate = "2025-01-11", targetValue = 80 });

        var bent = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-06");

        // 5 of 20 days on the straight road: 25 pages; 5 of 10 days towards the waypoint of 80: 40 pages.
        Assert.Equal(25, straight.GetProperty("road").GetDouble(), 9);
        Assert.Equal(40, bent.GetProperty("road").GetDouble(), 9);
    }

    [Fact]
    public async Task Progress_AsOfADay_IgnoresLaterEntries()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Save", startDate = "2025-01-01", measure = new { target = 1000 } }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-10", value = 100 });
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 200 });

        var january = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-31");
        var today = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress");

        Assert.Equal(100, january.GetProperty("current").GetDouble());
        Assert.Equal(300, today.GetProperty("current").GetDouble());
        Assert.Equal("2025-03-01", today.GetProperty("asOf").GetString());
        Assert.Equal("open", today.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, today.GetProperty("road").ValueKind);
        Assert.Equal(JsonValueKind.Null, today.GetProperty("bufferDays").ValueKind);
    }

    [Fact]
    public async Task Progress_AfterAnEntryIsDeleted_IsRecomputed()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Save", startDate = "2025-01-01", measure = new { target = 1000 } }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-10", value = 100 });
        var second = Id(await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-11", value = 50 }));
        Assert.Equal(150, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress")).GetProperty("current").GetDouble());

        using var deleted = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/entries/{second}", Cancellation);

        await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(100, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress")).GetProperty("current").GetDouble());
    }

    [Fact]
    public async Task Progress_MeasureChanged_ReinterpretsTheEntries()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Run", startDate = "2025-01-01", measure = new { target = 100, aggregation = "sum" } }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-10", value = 10 });
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-11", value = 7 });
        Assert.Equal(17, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress")).GetProperty("current").GetDouble());

        using var patched = await user.Api.PatchJsonAsync($"/api/v1/goals/{goal}", new { measure = new { aggregation = "best" } });
        await patched.AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(10, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress")).GetProperty("current").GetDouble());
    }

    [Fact]
    public async Task Progress_GoalWithoutMeasure_CountsDoneMilestones()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Move abroad", startDate = "2025-01-01" }));
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Visa", status = "done", completedOn = "2025-02-01" });
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Flat", status = "done", completedOn = "2025-02-20" });
        await PostAsync(user, $"/api/v1/goals/{goal}/milestones", new { title = "Job" });

        var progress = await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-02-10");

        Assert.Equal(33.3, progress.GetProperty("percentComplete").GetDouble());
        Assert.False(progress.GetProperty("achieved").GetBoolean());
        Assert.Equal("open", progress.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("current").ValueKind);
        Assert.Equal(JsonValueKind.Null, progress.GetProperty("remaining").ValueKind);
    }

    [Fact]
    public async Task Progress_SameQuestionTwice_SameForecast()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Words", startDate = "2025-01-01", measure = new { target = 50000 } }));
        var values = new[] { 500, 0, 1200, 300, 800, 0, 650, 900, 100, 700 };
        for (var i = 0; i < values.Length; i++)
        {
            await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = new DateOnly(2025, 1, 1).AddDays(i), value = values[i] });
        }

        var first = (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-10")).GetProperty("forecast");
        var second = (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress?asOf=2025-01-10")).GetProperty("forecast");

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.True(DateOnly.Parse(first.GetProperty("p50").GetString()!) <= DateOnly.Parse(first.GetProperty("p90").GetString()!));
    }

    [Fact]
    public async Task Entries_GoalWithoutMeasure_Returns400()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "No measure" }));

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{goal}/entries", new { date = "2025-01-01", value = 1 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "measure");
    }

    [Theory]
    [InlineData("""{"value":1}""", "date")]
    [InlineData("""{"date":"2025-01-01"}""", "value")]
    [InlineData("""{"date":"2025-02-30","value":1}""", "date")]
    [InlineData("""{"date":"3000-01-01","value":1}""", "date")]
    [InlineData("""{"date":"2025-01-01","value":"12"}""", "value")]
    [InlineData("""{"date":"2025-01-01","value":-1000000000001}""", "value")]
    public async Task Entries_Invalid_Returns400NamingTheFieldAndAddsNothing(string body, string field)
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Sum", measure = new { target = 10 } }));

        using var response = await user.Api.PostAsync($"/api/v1/goals/{goal}/entries", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/entries")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Entries_CountMeasure_ValueOptional()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Apply", startDate = "2025-01-01", measure = new { target = 12, aggregation = "count" } }));

        var entry = await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-03", note = "First application" });

        Assert.Equal(JsonValueKind.Null, entry.GetProperty("value").ValueKind);
        Assert.Equal("First application", entry.GetProperty("note").GetString());
        Assert.Equal(1, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress")).GetProperty("current").GetDouble());
    }

    [Fact]
    public async Task Entries_List_InDateThenCreationOrder_FilteredAndPaged()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Sum", measure = new { target = 1000 } }));
        var march = Id(await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-03-01", value = 3 }));
        var januaryA = Id(await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-01", value = 1 }));
        var januaryB = Id(await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-01", value = 2 }));
        var december = Id(await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2024-12-31", value = 0 }));

        var all = await ReadAllPagesAsync(user, $"/api/v1/goals/{goal}/entries?limit=1");
        var filtered = (await GetJsonAsync(user, $"/api/v1/goals/{goal}/entries?from=2025-01-01&to=2025-01-31"))
            .GetProperty("items").EnumerateArray().Select(Id);

        Assert.Equal([december, januaryA, januaryB, march], all);
        Assert.Equal([januaryA, januaryB], filtered);
    }

    [Fact]
    public async Task Entries_PostedAllAtOnce_AreAllSaved()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Sum", startDate = "2025-01-01", measure = new { target = 1000 } }));

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            user.Api.PostJsonAsync($"/api/v1/goals/{goal}/entries", new { date = "2025-02-01", value = 1 })));

        foreach (var response in responses)
        {
            await response.AssertStatusAsync(HttpStatusCode.Created);
            response.Dispose();
        }
        Assert.Equal(16, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/progress")).GetProperty("current").GetDouble());
        Assert.Equal(16, (await GetJsonAsync(user, $"/api/v1/goals/{goal}/entries")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Entries_DeleteUnknown_Returns404()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Sum", measure = new { target = 10 } }));

        using var response = await user.Api.DeleteAsync($"/api/v1/goals/{goal}/entries/{Guid.NewGuid()}", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> ReadAllPagesAsync(TestUser user, string firstPage)
    {
        var ids = new List<string>();
        var path = firstPage;
        while (true)
        {
            var page = await GetJsonAsync(user, path);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            if (page.GetProperty("nextCursor").GetString() is not { } cursor)
            {
                return ids;
            }
            path = $"{firstPage}&cursor={cursor}";
        }
    }
}

public sealed class ProgressTests_Sqlite(SqliteApp app) : ProgressTests(app);

public sealed class ProgressTests_Postgres(PostgresApp app) : ProgressTests(app);
