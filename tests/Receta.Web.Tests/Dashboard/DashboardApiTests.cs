using System.Net;
using System.Text.Json;
using Receta.Testing;
using Receta.Web.Tests.Circle;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Dashboard;

/// <summary><c>GET /api/v1/dashboard</c>: what the dashboard page shows, in one call, for any client.</summary>
public abstract class DashboardApiTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_GoalWithEveryIngredient_AnswersItsCard()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Study 100 hours",
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" },
        }));
        var prefix = $"/api/v1/goals/{goal}";
        for (var day = new DateOnly(2025, 1, 1); day <= new DateOnly(2025, 1, 31); day = day.AddDays(1))
        {
            await PostAsync(user, $"{prefix}/entries", new { date = day, value = 1.0 });
        }
        var milestone = await PostAsync(user, $"{prefix}/milestones", new { title = "Algebra review", dueDate = "2025-03-01", estimateHours = 20 });
        var habit = Id(await PostAsync(user, $"{prefix}/habits", new { title = "Practice problems", times = 1, perDays = 1 }));
        var unchecked_ = Id(await PostAsync(user, $"{prefix}/habits", new { title = "Flashcards", times = 1, perDays = 1 }));
        await PostAsync(user, $"{prefix}/habits/{habit}/checks", new { date = "2025-02-10" });

        var dashboard = await GetJsonAsync(user, "/api/v1/dashboard?asOf=2025-02-10");

        var item = Assert.Single(dashboard.GetProperty("items").EnumerateArray());
        var progress = await GetJsonAsync(user, $"{prefix}/progress?asOf=2025-02-10");
        var recipe = await GetJsonAsync(user, $"{prefix}/recipe?asOf=2025-02-10");
        Assert.Equal(goal, item.GetProperty("goal").GetProperty("id").GetString());
        Assert.Equal("Study 100 hours", item.GetProperty("goal").GetProperty("title").GetString());
        Assert.Equal("owner", item.GetProperty("role").GetString());
        Assert.Equal("behind", item.GetProperty("status").GetString());
        Assert.Equal(progress.GetProperty("status").GetString(), item.GetProperty("status").GetString());
        Assert.Equal(31.0, item.GetProperty("percentComplete").GetDouble());
        Assert.Equal(-9, item.GetProperty("bufferDays").GetInt32());
        Assert.Equal(progress.GetProperty("forecast").GetRawText(), item.GetProperty("forecast").GetRawText());
        var next = item.GetProperty("next");
        Assert.Equal(Id(milestone), next.GetProperty("id").GetString());
        Assert.Equal("Algebra review", next.GetProperty("title").GetString());
        Assert.Equal("2025-03-01", next.GetProperty("dueDate").GetString());
        Assert.Equal(recipe.GetProperty("score").GetInt32(), item.GetProperty("score").GetInt32());
        var habits = item.GetProperty("habitsDueToday").EnumerateArray()
            .ToDictionary(h => h.GetProperty("id").GetString()!, h => h.GetProperty("checked").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { [habit] = true, [unchecked_] = false }, habits);
    }

    [Fact]
    public async Task Dashboard_AsOfAnEarlierDay_ShowsTheGoalAsItWasThen()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Run 100 km",
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            measure = new { unit = "km", start = 0, target = 100 },
        }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-10", value = 10 });
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-02-10", value = 40 });
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Run", times = 1, perDays = 1 }));
        await PostAsync(user, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-02-10" });

        var january = Assert.Single((await GetJsonAsync(user, "/api/v1/dashboard?asOf=2025-01-31")).GetProperty("items").EnumerateArray());
        var february = Assert.Single((await GetJsonAsync(user, "/api/v1/dashboard?asOf=2025-02-10")).GetProperty("items").EnumerateArray());

        Assert.Equal(10.0, january.GetProperty("percentComplete").GetDouble());
        Assert.Equal(50.0, february.GetProperty("percentComplete").GetDouble());
        Assert.False(january.GetProperty("habitsDueToday")[0].GetProperty("checked").GetBoolean());
        Assert.True(february.GetProperty("habitsDueToday")[0].GetProperty("checked").GetBoolean());
    }

    [Fact]
    public async Task Dashboard_SharedGoal_IsListedWithTheCallersRole()
    {
        var circle = await CircleSetup.CreateAsync(app);
        var goal = Id(await CreateGoalAsync(circle.Owner, new { title = "Family garden" }));
        await circle.ShareAsync(goal, circle.Members["mentor"], "mentor");

        var mentors = await GetJsonAsync(circle.Members["mentor"], "/api/v1/dashboard");
        var strangers = await GetJsonAsync(circle.Stranger, "/api/v1/dashboard");

        var item = Assert.Single(mentors.GetProperty("items").EnumerateArray());
        Assert.Equal(goal, item.GetProperty("goal").GetProperty("id").GetString());
        Assert.Equal("mentor", item.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("next").ValueKind);
        Assert.Empty(strangers.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Dashboard_UnreadableAsOf_Returns400NamingIt()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync("/api/v1/dashboard?asOf=yesterday", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "asOf");
    }

    [Fact]
    public async Task Dashboard_WithoutCredentials_Returns401()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/dashboard", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class DashboardApiTests_Sqlite(SqliteApp app) : DashboardApiTests(app);

public sealed class DashboardApiTests_Postgres(PostgresApp app) : DashboardApiTests(app);
