using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Receta.Testing;
using Receta.Web.Tests.Security;
using static Receta.Web.Tests.Goals.GoalTests;
using static Receta.Web.Tests.Importing.ImportApi;

namespace Receta.Web.Tests.Exporting;

public abstract class ExportTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Every computed view of a goal, each asked for several days.</summary>
    private static readonly string[] Views = ["", "/progress", "/roadmap", "/readiness", "/recipe", "/habits", "/attempts", "/work", "/entries?limit=1000", "/breaks", "/calibration"];

    private static readonly string[] Days = ["2025-01-15", "2025-02-10", "2025-03-01", "2025-06-30", "2026-01-01"];

    [Fact]
    public async Task Export_ImportedIntoANewAccountOnAFreshServer_GivesTheSameAnswerFromEveryView()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        await RichAccountAsync(user);
        using var exported = await user.Api.GetAsync("/api/v1/export", Cancellation);
        await exported.AssertStatusAsync(HttpStatusCode.OK);
        var file = await exported.Content.ReadAsByteArrayAsync(Cancellation);

        await using var fresh = await OwnApp.StartAsync(app);
        var other = await fresh.CreateUserAsync("Europe/Madrid");
        var import = await ImportAsync(other, file, "receta-export.json");

        AssertSucceeded(import);
        Assert.Equal("receta-json", import.GetProperty("format").GetString());
        var before = await GoalsByTitleAsync(user);
        var after = await GoalsByTitleAsync(other);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (title, goal) in before)
        {
            foreach (var view in Views)
            {
                foreach (var day in Days)
                {
                    var query = view.Contains('?', StringComparison.Ordinal) ? $"&asOf={day}" : $"?asOf={day}";
                    var expected = await ViewAsync(user, $"/api/v1/goals/{goal}{view}{query}");
                    var actual = await ViewAsync(other, $"/api/v1/goals/{after[title]}{view}{query}");
                    Assert.True(expected == actual, $"{title}: {view} as of {day} differs:\n{expected}\n{actual}");
                }
            }
        }
        Assert.Equal(await ViewAsync(user, "/api/v1/dashboard?asOf=2025-03-01"), await ViewAsync(other, "/api/v1/dashboard?asOf=2025-03-01"));
    }

    [Fact]
    public async Task Export_HoldsTheAccountAndEveryKindWithItsLinks()
    {
        var user = await app.CreateUserAsync("Europe/Madrid");
        await RichAccountAsync(user);

        using var response = await user.Api.GetAsync("/api/v1/export", Cancellation);
        var export = await response.ReadJsonAsync();

        Assert.Equal(("receta-export", 1), (export.GetProperty("format").GetString(), export.GetProperty("version").GetInt32()));
        Assert.Equal("Europe/Madrid", export.GetProperty("account").GetProperty("timeZone").GetString());
        var goals = export.GetProperty("goals").EnumerateArray().ToList();
        Assert.Equal(["Become an astronaut", "Get the engineering degree"], goals.Select(g => g.GetProperty("title").GetString()).ToList());
        var degree = goals[1];
        Assert.Equal(Id(goals[0]), degree.GetProperty("parentId").GetString());
        var astronaut = goals[0];
        var attempt = Assert.Single(astronaut.GetProperty("attempts").EnumerateArray());
        var skill = Assert.Single(astronaut.GetProperty("skills").EnumerateArray());
        Assert.Equal(Id(attempt), skill.GetProperty("fromAttemptId").GetString());
        var milestones = astronaut.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(Id(milestones[0]), Assert.Single(milestones[1].GetProperty("dependsOn").EnumerateArray()).GetString());
        var habit = Assert.Single(astronaut.GetProperty("habits").EnumerateArray());
        Assert.Equal(["2025-02-01"], habit.GetProperty("skips").EnumerateArray().Select(d => d.GetString()).ToList());
        Assert.Single(astronaut.GetProperty("breaks").EnumerateArray());
        Assert.Equal("Keep going!", Assert.Single(astronaut.GetProperty("cheers").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Export_AskedForGzip_ComesCompressed()
    {
        var user = await app.CreateUserAsync();
        await CreateGoalAsync(user, new { title = "Run a marathon" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/export");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await user.Api.SendAsync(request, Cancellation);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var body = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(Cancellation), System.IO.Compression.CompressionMode.Decompress);
        var export = await JsonDocument.ParseAsync(body, cancellationToken: Cancellation);
        Assert.Equal("Run a marathon", Assert.Single(export.RootElement.GetProperty("goals").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Csvs_AreRfc4180WithAHeaderAndTheEntriesCsvImportsBack()
    {
        var user = await app.CreateUserAsync();
        var goal = Id(await CreateGoalAsync(user, new { title = "Read", startDate = "2025-01-01", measure = new { unit = "pages", start = 0, target = 500 } }));
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-02", value = 20, note = "Dune, \"part one\"" });
        await PostAsync(user, $"/api/v1/goals/{goal}/entries", new { date = "2025-01-03", value = 12.5 });
        var habit = Id(await PostAsync(user, $"/api/v1/goals/{goal}/habits", new { title = "Read, daily", times = 1, perDays = 1 }));
        await PostAsync(user, $"/api/v1/goals/{goal}/habits/{habit}/checks", new { date = "2025-01-02" });
        await PostAsync(user, $"/api/v1/goals/{goal}/habits/{habit}/skips", new { date = "2025-01-03" });
        await PostAsync(user, $"/api/v1/goals/{goal}/work", new { date = "2025-01-02", minutes = 45, note = "Night\nreading" });

        var entries = await CsvAsync(user, $"/api/v1/goals/{goal}/entries.csv");
        var checks = await CsvAsync(user, $"/api/v1/goals/{goal}/checks.csv");
        var work = await CsvAsync(user, $"/api/v1/goals/{goal}/work.csv");

        Assert.Equal("date,value,note\r\n2025-01-02,20,\"Dune, \"\"part one\"\"\"\r\n2025-01-03,12.5,\r\n", entries);
        Assert.Equal("habit,date,kind\r\n\"Read, daily\",2025-01-02,check\r\n\"Read, daily\",2025-01-03,skip\r\n", checks);
        Assert.Equal("date,minutes,note,milestone,skill\r\n2025-01-02,45,\"Night\nreading\",,\r\n", work);
        var copy = Id(await CreateGoalAsync(user, new { title = "Read again", startDate = "2025-01-01", measure = new { unit = "pages", start = 0, target = 500 } }));
        AssertSucceeded(await ImportAsync(user, Encoding.UTF8.GetBytes(entries), "entries.csv", goalId: copy));
        Assert.Equal(entries, await CsvAsync(user, $"/api/v1/goals/{copy}/entries.csv"));
    }

    private static async Task<string> CsvAsync(TestUser user, string path)
    {
        using var response = await user.Api.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    /// <summary>Two goals, one under the other, with something of every kind: same-date entries, linked milestones, a lesson applied, skips, a break, a cheer.</summary>
    private static async Task RichAccountAsync(TestUser user)
    {
        var astronaut = Id(await CreateGoalAsync(user, new
        {
            title = "Become an astronaut",
            purpose = "To see the Earth from space",
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            weeklyCapacityHours = 6,
            measure = new { unit = "applications", start = 0, target = 12, aggregation = "sum" },
        }));
        await CreateGoalAsync(user, new
        {
            title = "Get the engineering degree",
            parentId = astronaut,
            startDate = "2025-01-01",
            targetDate = "2025-06-30",
            measure = new { unit = "GPA", start = 2.0, target = 3.5, aggregation = "last" },
        });
        var degree = Id((await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray().Single(g => g.GetProperty("title").GetString() == "Get the engineering degree"));
        var prefix = $"/api/v1/goals/{astronaut}";
        await PostAsync(user, $"{prefix}/entries", new { date = "2025-01-10", value = 1, note = "First" });
        await PostAsync(user, $"{prefix}/entries", new { date = "2025-01-10", value = 1 });
        await PostAsync(user, $"{prefix}/entries", new { date = "2025-02-05", value = 2 });
        await PostAsync(user, $"/api/v1/goals/{degree}/entries", new { date = "2025-01-20", value = 2.8 });
        await PostAsync(user, $"/api/v1/goals/{degree}/entries", new { date = "2025-01-20", value = 3.1 });
        var attempt = Id(await PostAsync(user, $"{prefix}/attempts", new { title = "NASA application 1", date = "2025-01-15", outcome = "failed", lesson = "Learn to scuba dive" }));
        var first = Id(await PostAsync(user, $"{prefix}/milestones", new { title = "Master's degree", dueDate = "2025-05-01", estimateHours = 40 }));
        var dive = Id(await PostAsync(user, $"{prefix}/milestones", new { title = "Scuba certificate", dueDate = "2025-07-01", estimateHours = 12, dependsOn = new[] { first }, fromAttemptId = attempt }));
        var skill = Id(await PostAsync(user, $"{prefix}/skills", new { name = "Scuba diving", level = 1, targetLevel = 4, fromAttemptId = attempt, resources = new[] { new { title = "PADI course", url = "https://example.org/padi", done = false } } }));
        await PostAsync(user, $"{prefix}/work", new { date = "2025-01-12", minutes = 90, milestoneId = first });
        await PostAsync(user, $"{prefix}/work", new { date = "2025-01-12", minutes = 30, skillId = skill });
        await PostAsync(user, $"{prefix}/work", new { date = "2025-02-03", minutes = 60, milestoneId = dive });
        var habit = Id(await PostAsync(user, $"{prefix}/habits", new { title = "Study", times = 5, perDays = 7 }));
        foreach (var day in new[] { "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-31" })
        {
            await PostAsync(user, $"{prefix}/habits/{habit}/checks", new { date = day });
        }
        await PostAsync(user, $"{prefix}/habits/{habit}/skips", new { date = "2025-02-01" });
        await PostAsync(user, $"{prefix}/breaks", new { from = "2025-02-10", to = "2025-02-16", note = "Exams" });
        await PostAsync(user, $"{prefix}/cheers", new { message = "Keep going!" });
        using var done = await user.Api.PatchJsonAsync($"{prefix}/milestones/{first}", new { status = "done", completedOn = "2025-02-20" });
        await done.AssertStatusAsync(HttpStatusCode.OK);
    }

    private static async Task<Dictionary<string, string>> GoalsByTitleAsync(TestUser user) =>
        (await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray()
            .ToDictionary(g => g.GetProperty("title").GetString()!, Id);

    /// <summary>A view's JSON without what differs between two servers by nature: ids (also where one item names another) and the moments things were made.</summary>
    private static async Task<string> ViewAsync(TestUser user, string path)
    {
        using var response = await user.Api.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        var node = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!;
        return Strip(node)?.ToJsonString() ?? "null";
    }

    private static bool IsId(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out _);

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (name is "id" or "createdAt" or "dependsOn" or "parentId" or "etag" || name.EndsWith("Id", StringComparison.Ordinal))
                    {
                        obj.Remove(name);
                    }
                    else if (IsId(obj[name]))
                    {
                        obj[name] = "(id)";
                    }
                    else
                    {
                        Strip(obj[name]);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsId(array[i]))
                    {
                        array[i] = "(id)";
                    }
                    else
                    {
                        Strip(array[i]);
                    }
                }
                break;
        }
        return node;
    }
}

public sealed class ExportTests_Sqlite(SqliteApp app) : ExportTests(app);

public sealed class ExportTests_Postgres(PostgresApp app) : ExportTests(app);
