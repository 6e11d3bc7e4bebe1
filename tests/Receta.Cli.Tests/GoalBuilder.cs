using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Cli.Tests;

/// <summary>Makes what the command line then reads and writes, through the API (never the database).</summary>
public static class GoalBuilder
{
    /// <summary>A goal of 0 → 100 hours from 2025-01-01 to 2025-12-31 (or none with <paramref name="measured"/> false).</summary>
    public static async Task<string> GoalAsync(this TestUser user, string title, bool measured = true)
    {
        ArgumentNullException.ThrowIfNull(user);
        object body = measured
            ? new { title, purpose = "Because it matters", startDate = "2025-01-01", targetDate = "2025-12-31", measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" } }
            : new { title };
        return await CreateAsync(user, "/api/v1/goals", body);
    }

    public static Task<string> HabitAsync(this TestUser user, string goalId, string title) =>
        CreateAsync(user, $"/api/v1/goals/{goalId}/habits", new { title, times = 1, perDays = 1 });

    public static Task<string> MilestoneAsync(this TestUser user, string goalId, string title, string dueDate = "2025-06-01") =>
        CreateAsync(user, $"/api/v1/goals/{goalId}/milestones", new { title, dueDate, estimateHours = 10 });

    public static Task<string> SkillAsync(this TestUser user, string goalId, string name) =>
        CreateAsync(user, $"/api/v1/goals/{goalId}/skills", new { name, level = 1, targetLevel = 3 });

    /// <summary>The list at <paramref name="path"/>'s <c>items</c>.</summary>
    public static async Task<JsonElement[]> ItemsAsync(this TestUser user, string path)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var response = await user.Api.GetAsync(path, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    private static async Task<string> CreateAsync(TestUser user, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var response = await user.Api.PostJsonAsync(path, body);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }
}
