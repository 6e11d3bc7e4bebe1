using System.Net;
using Receta.Data;
using Receta.Web.Features.Demo;
using Receta.Testing;

namespace Receta.Web.Tests.Demo;

/// <summary>What a new user explores first: José's journey, seeded on an empty database.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private readonly RecetaApp _app = new(DatabaseProvider.Sqlite) { Demo = true };

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Demo_EmptyDatabase_HoldsJosesJourneyWithEveryIngredient()
    {
        using var client = _app.CreateApiClient();
        using var token = await client.PostJsonAsync("/api/v1/auth/tokens",
            new { email = "demo@receta.example", password = "apollo-17-dreamer", name = "demo" });
        await token.AssertStatusAsync(HttpStatusCode.Created);
        using var demo = _app.CreateApiClient((await token.ReadJsonAsync()).GetProperty("token").GetString());

        var goal = (await GetAsync(demo, "/api/v1/goals")).GetProperty("items").EnumerateArray().Single();
        var id = goal.GetProperty("id").GetString();
        var attempts = await GetAsync(demo, $"/api/v1/goals/{id}/attempts");
        var roadmap = await GetAsync(demo, $"/api/v1/goals/{id}/roadmap");
        var readiness = await GetAsync(demo, $"/api/v1/goals/{id}/readiness");
        var habits = await GetAsync(demo, $"/api/v1/goals/{id}/habits?asOf=2004-05-01");
        var progress = await GetAsync(demo, $"/api/v1/goals/{id}/progress");
        var lookBack = await GetAsync(demo, $"/api/v1/goals/{id}/recipe?asOf=2002-10-01");

        Assert.Equal("Become a NASA astronaut", goal.GetProperty("title").GetString());
        Assert.Contains("Apollo 17", goal.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Equal(12, attempts.GetProperty("total").GetInt32());
        Assert.Equal(11, attempts.GetProperty("failed").GetInt32());
        Assert.Equal(12, attempts.GetProperty("attemptsToFirstSuccess").GetInt32());
        Assert.All(attempts.GetProperty("items").EnumerateArray(),
            a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("lesson").GetString())));
        // The pilot's license, scuba and Russian: each of those rejections' lessons became a milestone and a skill.
        Assert.Equal(JoseJourney.LessonsApplied.Select(l => l.Year).Distinct().Count(), attempts.GetProperty("lessonsApplied").GetInt32());
        Assert.Equal(3, attempts.GetProperty("lessonsApplied").GetInt32());
        var russian = attempts.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("date").GetString() == "2001-07-01");
        Assert.Equal(["milestone", "skill"], russian.GetProperty("appliedIn").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        // A year between most applications (365 or 366 days), three after 1998 and 1,040 before the selection.
        Assert.Equal(365, attempts.GetProperty("medianComebackDays").GetDouble());
        Assert.Equal(7, roadmap.GetProperty("items").GetArrayLength());
        Assert.Equal(5, readiness.GetProperty("items").GetArrayLength());
        Assert.NotEqual(0, habits.GetProperty("items")[0].GetProperty("currentStreak").GetInt32());
        Assert.True(progress.GetProperty("achieved").GetBoolean());
        Assert.Equal(5000, progress.GetProperty("current").GetDouble(), 6);
        Assert.Equal(6, lookBack.GetProperty("score").GetInt32());
    }

    private static async Task<System.Text.Json.JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }
}
