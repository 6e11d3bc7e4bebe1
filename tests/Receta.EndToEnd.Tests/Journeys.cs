using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Receta.Testing;

namespace Receta.EndToEnd.Tests;

/// <summary>Data the browser tests start from, made through the API as another client would.</summary>
internal static partial class Journeys
{
    /// <summary>A goal with a measure (km), a target date, a dated milestone and a habit; returns its id.</summary>
    public static async Task<string> MarathonAsync(RecetaApp app, TestUser user, string title = "Run a marathon")
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        using var goal = await user.Api.PostJsonAsync("/api/v1/goals", new
        {
            title,
            purpose = "To prove to myself that patience wins.",
            targetDate = Day(today.AddDays(180)),
            measure = new { unit = "km", start = 0, target = 42 },
        });
        await goal.AssertStatusAsync(HttpStatusCode.Created);
        var id = (await goal.ReadJsonAsync()).GetProperty("id").GetString()!;

        using var milestone = await user.Api.PostJsonAsync($"/api/v1/goals/{id}/milestones",
            new { title = "Run 10 km without stopping", dueDate = Day(today.AddDays(30)), estimateHours = 12, targetValue = 10 });
        await milestone.AssertStatusAsync(HttpStatusCode.Created);
        using var habit = await user.Api.PostJsonAsync($"/api/v1/goals/{id}/habits", new { title = "Go for a run", times = 3, perDays = 7 });
        await habit.AssertStatusAsync(HttpStatusCode.Created);
        using var entry = await user.Api.PostJsonAsync($"/api/v1/goals/{id}/entries", new { date = Day(today), value = 5 });
        await entry.AssertStatusAsync(HttpStatusCode.Created);
        return id;
    }

    /// <summary>The id of the invitation in the newest email the app wrote to <paramref name="email"/>.</summary>
    public static async Task<string> InvitationSentToAsync(RecetaApp app, string email)
    {
        foreach (var file in Directory.GetFiles(app.MailFolder, "*.eml").Order(StringComparer.Ordinal).Reverse())
        {
            var message = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            if (message.Contains(email, StringComparison.Ordinal) && InvitationLink().Match(message) is { Success: true } link)
            {
                return link.Groups[1].Value;
            }
        }
        throw new InvalidOperationException($"No invitation email to {email}.");
    }

    [GeneratedRegex("/invitations/([0-9a-fA-F-]{36})")]
    private static partial Regex InvitationLink();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
