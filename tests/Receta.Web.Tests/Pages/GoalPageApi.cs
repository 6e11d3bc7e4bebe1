using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>What the page tests set up and check through the API, as another client would see the goal.</summary>
internal static class GoalPageApi
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>"Learn the guitar": hours, 0 → 100, from 2025-01-01 to 2025-04-11; returns its id.</summary>
    public static async Task<string> CreateGoalAsync(TestUser owner, string title = "Learn the guitar", string? parentId = null)
    {
        var goal = await PostAsync(owner, "/api/v1/goals", new
        {
            title,
            parentId,
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" },
        });
        return goal.GetProperty("id").GetString()!;
    }

    public static async Task JoinAsync(TestUser owner, TestUser member, string goal, string role)
    {
        var invitation = await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = member.Email, role });
        using var accepted = await member.Api.PostAsync($"/api/v1/invitations/{invitation.GetProperty("id").GetString()}/accept", null, Cancellation);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> PostAsync(TestUser user, string path, object body)
    {
        using var response = await user.Api.PostJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadJsonAsync();
    }

    public static async Task<string> PostIdAsync(TestUser user, string path, object body) =>
        (await PostAsync(user, path, body)).GetProperty("id").GetString()!;

    public static async Task<JsonElement> GetJsonAsync(TestUser user, string path)
    {
        using var response = await user.Api.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpStatusCode> GetStatusAsync(TestUser user, string path)
    {
        using var response = await user.Api.GetAsync(path, Cancellation);
        return response.StatusCode;
    }

    /// <summary>A browser signed in as <paramref name="user"/>, and the goal page as it shows it.</summary>
    public static async Task<(PageBrowser Browser, string Page)> OpenAsync(RecetaApp app, TestUser user, string goal)
    {
        var browser = new PageBrowser(app, "en");
        await browser.SignInAsync(user);
        var (status, page) = await browser.GetAsync($"/goals/{goal}");
        Assert.Equal(HttpStatusCode.OK, status);
        return (browser, page);
    }

    /// <summary>
    /// A post to the goal page that a role without the action makes up (its page has no such form), with the
    /// API's antiforgery token. Blazor refuses a form the page did not render (400); a rendered one is re-checked by role (403).
    /// </summary>
    public static async Task<HttpStatusCode> ForgeAsync(PageBrowser browser, string goal, string formName, params (string Name, string Value)[] fields)
    {
        var token = await browser.ApiAntiforgeryTokenAsync();
        var posted = await browser.PostAsync($"/goals/{goal}", [("_handler", formName), ("__RequestVerificationToken", token), .. fields]);
        return posted.Status;
    }

    public static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    /// <summary>The per-item form name the page gives an item: <paramref name="prefix"/> and the id without dashes.</summary>
    public static string ItemForm(string prefix, string id) => $"{prefix}-{Guid.Parse(id):N}";

    public static void AssertRefused(HttpStatusCode status) =>
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"A forged post is refused, not answered {status}.");
}
