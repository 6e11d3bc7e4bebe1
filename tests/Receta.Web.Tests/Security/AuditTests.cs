using System.Net;
using System.Text.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary><c>GET /api/v1/audit</c>: the caller's own security events, newest first, paged.</summary>
public abstract class AuditTests(RecetaApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAudit_AfterAccountEvents_ListsThemNewestFirstWithTheirAddress()
    {
        await using var own = await OwnApp.StartAsync(app);
        var user = await own.CreateUserAsync();
        using var client = own.CreateApiClient();
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        using var failed = await client.PostJsonAsync("/api/v1/auth/tokens", new { email = user.Email, password = OwnApp.StrongPassword(), name = "guess" });
        await failed.AssertStatusAsync(HttpStatusCode.Unauthorized);
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await user.CreateTokenAsync("read");
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        using var revoked = await user.Api.DeleteAsync($"/api/v1/auth/tokens/{second.Id}", Cancellation);
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        using var browser = new Browser(own);
        await browser.SignInAsync(user.Email, user.Password);
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        using var signedOut = await browser.DeleteAsync("/api/v1/auth/session");
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        var newPassword = OwnApp.StrongPassword();
        using var changed = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword });
        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        own.Clock.Advance(TimeSpan.FromSeconds(1));
        using var reader = await NewTokenAsync(own, user.Email, newPassword);

        var items = await ReadAllAsync(reader, limit: 100);

        Assert.Equal(
            ["tokenCreated", "passwordChanged", "signOut", "signIn", "tokenRevoked", "tokenCreated", "signInFailed", "tokenCreated"],
            items.Select(i => i.GetProperty("action").GetString()));
        var ats = items.Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(ats.OrderDescending(), ats);
        Assert.All(items, i => Assert.StartsWith("10.", i.GetProperty("ipAddress").GetString(), StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("goalId").ValueKind));
        Assert.Contains(items, i => i.GetProperty("detail").GetString() == "'tests (read)' (read)");
    }

    [Fact]
    public async Task ListAudit_SmallPages_WalkEveryEventOnceAndOnlyTheCallersOwn()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        for (var i = 0; i < 4; i++)
        {
            await user.CreateTokenAsync();
        }
        await stranger.CreateTokenAsync();

        var all = await ReadAllAsync(user.Api, limit: 100);
        var paged = await ReadAllAsync(user.Api, limit: 2);

        Assert.Equal(5, all.Count);
        Assert.Equal(all.Select(Id), paged.Select(Id));
        Assert.All(all, i => Assert.Equal("tokenCreated", i.GetProperty("action").GetString()));
        var strangers = await ReadAllAsync(stranger.Api, limit: 100);
        Assert.Empty(strangers.Select(Id).Intersect(all.Select(Id)));
    }

    [Fact]
    public async Task ListAudit_BadLimit_Returns400()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.GetAsync("/api/v1/audit?limit=0", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task ListAudit_Anonymous_Returns401()
    {
        using var client = app.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/audit", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private static async Task<HttpClient> NewTokenAsync(RecetaApp own, string email, string password)
    {
        using var client = own.CreateApiClient();
        using var created = await client.PostJsonAsync("/api/v1/auth/tokens", new { email, password, name = "reader" });
        await created.AssertStatusAsync(HttpStatusCode.Created);
        return own.CreateApiClient((await created.ReadJsonAsync()).GetProperty("token").GetString());
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, int limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync($"/api/v1/audit?limit={limit}{(cursor is null ? "" : $"&cursor={cursor}")}", Cancellation);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            var page = await response.ReadJsonAsync();
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(pageItems.Count <= limit);
            items.AddRange(pageItems);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }
}

public sealed class AuditTests_Sqlite(SqliteApp app) : AuditTests(app);

public sealed class AuditTests_Postgres(PostgresApp app) : AuditTests(app);
