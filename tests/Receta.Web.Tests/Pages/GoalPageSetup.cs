using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>What the page tests of the goal's lists start from, made and read through the API as another client would.</summary>
internal static class GoalPageSetup
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A goal with a measure and a target date; its id.</summary>
    public static async Task<string> CreateGoalAsync(TestUser owner)
    {
        var goal = await PostAsync(owner, "/api/v1/goals", new
        {
            title = "Learn the guitar",
            startDate = "2025-01-01",
            targetDate = "2025-04-11",
            measure = new { unit = "hours", start = 0, target = 100, aggregation = "sum" },
        });
        return goal.GetProperty("id").GetString()!;
    }

    /// <summary><paramref name="member"/> joins the goal's circle with <paramref name="role"/>.</summary>
    public static async Task JoinAsync(TestUser owner, TestUser member, string goal, string role)
    {
        var invitation = await PostAsync(owner, $"/api/v1/goals/{goal}/circle", new { email = member.Email, role });
        using var accepted = await member.Api.PostAsync($"/api/v1/invitations/{invitation.GetProperty("id").GetString()}/accept", null, Cancellation);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
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

    /// <summary>A post of a form the page did not offer this user, with a valid antiforgery token: what a forged form sends.</summary>
    public static async Task<HttpStatusCode> ForgeAsync(PageBrowser browser, string goal, string formName, params (string Name, string Value)[] fields)
    {
        var token = await browser.ApiAntiforgeryTokenAsync();
        var posted = await browser.PostAsync($"/goals/{goal}", [("_handler", formName), ("__RequestVerificationToken", token), .. fields]);
        return posted.Status;
    }

    public static async Task<JsonElement> PostAsync(TestUser user, string path, object body)
    {
        using var response = await user.Api.PostJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> GetJsonAsync(TestUser user, string path)
    {
        using var response = await user.Api.GetAsync(path, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    public static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    /// <summary>The per-item form name the page gives an item: <paramref name="prefix"/> and the id without dashes.</summary>
    public static string ItemForm(string prefix, string id) => $"{prefix}-{Guid.Parse(id):N}";
}
