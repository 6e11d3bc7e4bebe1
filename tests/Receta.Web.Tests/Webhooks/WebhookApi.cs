using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Data.Webhooks;
using Receta.Testing;

namespace Receta.Web.Tests.Webhooks;

internal static class WebhookApi
{
    public static readonly string[] AllEvents =
    [
        "entry.created", "entry.deleted", "work.logged", "habit.checked", "habit.skipped",
        "milestone.completed", "attempt.recorded", "goal.achieved", "goal.statusChanged", "cheer.received",
    ];

    public static async Task<JsonElement> CreateAsync(TestUser user, string url, string[]? events = null, string? goalId = null)
    {
        using var response = await user.Api.PostJsonAsync("/api/v1/webhooks", new { url, events = events ?? AllEvents, goalId });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> CreateMeasuredGoalAsync(TestUser user, string title = "Read 50 books") =>
        await Goals.GoalTests.CreateGoalAsync(user, new
        {
            title,
            startDate = "2025-01-01",
            targetDate = "2025-12-31",
            measure = new { unit = "books", start = 0, target = 50, aggregation = "sum" },
        });

    /// <summary>The account's outbox, by id: oldest first, though messages of one instant of the test clock come in no set order.</summary>
    public static async Task<List<WebhookMessage>> OutboxAsync(RecetaApp app, TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var owner = Guid.Parse(user.Id);
        return [.. (await db.WebhookMessages.AsNoTracking().Where(m => m.OwnerId == owner).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(m => m.Id)];
    }
}
