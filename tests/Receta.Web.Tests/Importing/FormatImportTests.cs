using System.Text.Json;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;
using static Receta.Web.Tests.Importing.ImportApi;

namespace Receta.Web.Tests.Importing;

/// <summary>Each app's file, made in its real layout, imported through the API into a new account.</summary>
public abstract class FormatImportTests(RecetaApp app)
{
    private static byte[] Fixture(string path) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", path));

    [Fact]
    public async Task Habitica_UserData_BecomesAGoalOfHabitsWithTheirDaysAndMilestonesFromTodos()
    {
        var user = await app.CreateUserAsync("America/New_York");

        var import = await ImportAsync(user, Fixture("Habitica/habitica-user-data.json"), "habitica-user-data.json");

        AssertSucceeded(import);
        Assert.Equal("habitica-json", import.GetProperty("format").GetString());
        Assert.Equal((1, 3, 4), (Created(import, "goals"), Created(import, "habits"), Created(import, "milestones")));
        var goal = await OnlyGoalAsync(user);
        Assert.Equal("Habitica", goal.GetProperty("title").GetString());
        var habits = (await GetJsonAsync(user, $"/api/v1/goals/{Id(goal)}/habits?asOf=2025-03-31")).GetProperty("items").EnumerateArray()
            .ToDictionary(h => h.GetProperty("title").GetString()!);
        var stretch = habits["Morning stretch"];
        Assert.Equal((1, 2), (stretch.GetProperty("times").GetInt32(), stretch.GetProperty("perDays").GetInt32()));
        Assert.Equal(["2025-03-03", "2025-03-04", "2025-03-09"], Dates(stretch, "checks"));
        Assert.Equal((5, 7), (habits["Workout"].GetProperty("times").GetInt32(), habits["Workout"].GetProperty("perDays").GetInt32()));
        Assert.True(Skipped(import, "ignored") >= 4);
    }

    [Fact]
    public async Task Habitica_ImportedAgain_CreatesNothing()
    {
        var user = await app.CreateUserAsync("America/New_York");
        var first = await ImportAsync(user, Fixture("Habitica/habitica-user-data.json"), "habitica-user-data.json");

        var again = await ImportAsync(user, Fixture("Habitica/habitica-user-data.json"), "habitica-user-data.json", "habitica-json");

        AssertSucceeded(again);
        Assert.All(again.GetProperty("created").EnumerateObject(), count => Assert.Equal(0, count.Value.GetInt64()));
        var firstTotal = first.GetProperty("created").EnumerateObject().Sum(count => count.Value.GetInt64());
        Assert.Equal(firstTotal, Skipped(again, "duplicates"));
        Assert.Single((await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray());
    }

    private static async Task<JsonElement> OnlyGoalAsync(TestUser user) =>
        Assert.Single((await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray());

    private static List<string> Dates(JsonElement habit, string list) =>
        [.. habit.GetProperty(list).EnumerateArray().Select(d => d.GetString()!)];
}

public sealed class FormatImportTests_Sqlite(SqliteApp app) : FormatImportTests(app);

public sealed class FormatImportTests_Postgres(PostgresApp app) : FormatImportTests(app);
