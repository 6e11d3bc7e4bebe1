using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Testing;
using Receta.Web.Features.Webhooks;
using static Receta.Web.Tests.Goals.GoalTests;
using static Receta.Web.Tests.Webhooks.WebhookApi;

namespace Receta.Web.Tests.Webhooks;

/// <summary>
/// connections.md §5 on the shared app, where private networks are not allowed (as in production):
/// making, listing and removing webhooks, the refusals of bad input and inner addresses, and which
/// changes put which events in the outbox. Nothing here is sent: the hosts are under <c>.example</c>.
/// </summary>
public abstract class WebhookTests(RecetaApp app)
{
    private const string PublicUrl = "https://receiver.example/hooks/receta";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_Returns201WithTheSecretOnce_AndListShowsItWithoutTheSecret()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/webhooks", new { url = PublicUrl, events = new[] { "habit.checked", "entry.created" } });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/webhooks/{Id(created)}", response.Headers.Location?.OriginalString);
        Assert.Equal(PublicUrl, created.GetProperty("url").GetString());
        // In the order of the event list, whatever order they were asked in.
        Assert.Equal(["entry.created", "habit.checked"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("goalId").ValueKind);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        var list = await GetJsonAsync(user, "/api/v1/webhooks");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(Id(created), Id(item));
        Assert.False(item.TryGetProperty("secret", out _));
        Assert.DoesNotContain(secret["whsec_".Length..], list.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("http://receiver.example/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://172.20.0.1/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("not a url")]
    [InlineData("ftp://receiver.example/hook")]
    public async Task Create_UrlNotHttpsOnAPublicAddress_Returns400NamingUrl(string url)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "entry.created" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "url");
        Assert.Empty((await GetJsonAsync(user, "/api/v1/webhooks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_HostNameResolvingToAnInnerAddress_Returns400NamingUrl()
    {
        var user = await app.CreateUserAsync();
        // The machine's own name resolves to one of its addresses: loopback, or a private network's in a container.
        var url = $"https://{Dns.GetHostName()}/hook";
        Assert.DoesNotContain(await Dns.GetHostAddressesAsync(Dns.GetHostName(), Cancellation), WebhookAddresses.IsPublic);

        using var response = await user.Api.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "entry.created" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "url");
        Assert.Contains("resolves to a private", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Empty((await GetJsonAsync(user, "/api/v1/webhooks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_PublicAddressLiteral_Returns201()
    {
        var user = await app.CreateUserAsync();

        await CreateAsync(user, "https://93.184.215.14/hook");
    }

    [Theory]
    [InlineData("""{"url":"https://receiver.example/hook","events":[]}""", "events")]
    [InlineData("""{"url":"https://receiver.example/hook"}""", "events")]
    [InlineData("""{"url":"https://receiver.example/hook","events":["entry.created","goal.exploded"]}""", "events")]
    [InlineData("""{"url":"https://receiver.example/hook","events":["entry.created","entry.created","entry.created","entry.created","entry.created","entry.created","entry.created","entry.created","entry.created","entry.created","entry.created"]}""", "events")]
    [InlineData("""{"url":"https://receiver.example/hook","events":"entry.created"}""", "events")]
    [InlineData("""{"url":"https://receiver.example/hook","events":["entry.created"],"goalId":"not-a-goal"}""", "goalId")]
    [InlineData("""{"events":["entry.created"]}""", "url")]
    [InlineData("""{"url":"","events":["entry.created"]}""", "url")]
    public async Task Create_InvalidBody_Returns400NamingTheField(string body, string field)
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostAsync("/api/v1/webhooks", Json(body), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Create_TooLongUrl_Returns400NamingUrl()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostJsonAsync("/api/v1/webhooks", new { url = PublicUrl + "?" + new string('a', 2000), events = new[] { "entry.created" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "url");
    }

    [Fact]
    public async Task Create_GoalOfAnotherAccount_Returns404()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(owner);

        using var response = await other.Api.PostJsonAsync("/api/v1/webhooks", new { url = PublicUrl, events = AllEvents, goalId = Id(goal) });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteAndDeliveries_AnotherAccountsWebhook_Return404AndLeaveItAlone()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var webhook = await CreateAsync(owner, PublicUrl);

        using var delete = await other.Api.DeleteAsync($"/api/v1/webhooks/{Id(webhook)}", Cancellation);
        using var deliveries = await other.Api.GetAsync($"/api/v1/webhooks/{Id(webhook)}/deliveries", Cancellation);
        using var malformed = await owner.Api.DeleteAsync("/api/v1/webhooks/not-an-id", Cancellation);

        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        await deliveries.AssertProblemAsync(HttpStatusCode.NotFound);
        await malformed.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await GetJsonAsync(owner, "/api/v1/webhooks")).GetProperty("items").EnumerateArray());
        Assert.Empty((await GetJsonAsync(other, "/api/v1/webhooks")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Delete_OwnWebhook_Returns204AndDropsItsWaitingMessages()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var webhook = await CreateAsync(user, PublicUrl);
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 3 });
        Assert.Single(await OutboxAsync(app, user));

        using var response = await user.Api.DeleteAsync($"/api/v1/webhooks/{Id(webhook)}", Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await GetJsonAsync(user, "/api/v1/webhooks")).GetProperty("items").EnumerateArray());
        Assert.Empty(await OutboxAsync(app, user));
        using var again = await user.Api.DeleteAsync($"/api/v1/webhooks/{Id(webhook)}", Cancellation);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        var audit = (await GetJsonAsync(user, "/api/v1/audit")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("detail").GetString())).ToList();
        Assert.Contains(("webhookCreated", PublicUrl), audit);
        Assert.Contains(("webhookRemoved", PublicUrl), audit);
    }

    [Fact]
    public async Task Writes_OfEveryKind_EachPutTheirEventInTheOutbox()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var path = $"/api/v1/goals/{Id(goal)}";
        await CreateAsync(user, PublicUrl);

        var entry = await PostAsync(user, $"{path}/entries", new { date = "2025-02-01", value = 3 });
        using (var deleted = await user.Api.DeleteAsync($"{path}/entries/{Id(entry)}", Cancellation))
        {
            await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        }
        await PostAsync(user, $"{path}/work", new { date = "2025-02-01", minutes = 30 });
        var habit = await PostAsync(user, $"{path}/habits", new { title = "Read", times = 1, perDays = 1 });
        await PostAsync(user, $"{path}/habits/{Id(habit)}/checks", new { date = "2025-02-01" });
        await PostAsync(user, $"{path}/habits/{Id(habit)}/skips", new { date = "2025-02-02" });
        var milestone = await PostAsync(user, $"{path}/milestones", new { title = "First ten" });
        using (var done = await user.Api.PatchJsonAsync($"{path}/milestones/{Id(milestone)}", new { status = "done", completedOn = "2025-02-03" }))
        {
            await done.AssertStatusAsync(HttpStatusCode.OK);
        }
        await PostAsync(user, $"{path}/attempts", new { title = "Speed reading", date = "2025-02-04", outcome = "failed" });
        await PostAsync(user, $"{path}/cheers", new { message = "Keep going" });
        using (var achieved = await user.Api.PatchJsonAsync(path, new { status = "achieved" }))
        {
            await achieved.AssertStatusAsync(HttpStatusCode.OK);
        }

        var outbox = await OutboxAsync(app, user);
        // Whether these writes move the progress status is not this test's matter: goal.statusChanged has one of its own.
        Assert.Equal(AllEvents.Where(e => e != "goal.statusChanged").Order(), outbox.Select(m => m.Type).Where(t => t != "goal.statusChanged").Order());
        var created = JsonDocument.Parse(outbox.Single(m => m.Type == "entry.created").Body).RootElement;
        Assert.Equal($"msg_{outbox.Single(m => m.Type == "entry.created").Id:N}", created.GetProperty("id").GetString());
        Assert.Equal(Id(goal), created.GetProperty("goalId").GetString());
        Assert.Equal(Id(entry), Id(created.GetProperty("data")));
        Assert.Equal(3, created.GetProperty("data").GetProperty("value").GetDouble());
        Assert.Equal(RecetaApp.StartInstant, created.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Writes_ThatMoveTheProgressStatus_EachPutOneGoalStatusChanged_OthersNone()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var path = $"/api/v1/goals/{Id(goal)}";
        await CreateAsync(user, PublicUrl, ["goal.statusChanged"]);
        // Read first, as a page would: the status before the change then comes from the cache.
        var first = (await GetJsonAsync(user, $"{path}/progress")).GetProperty("status").GetString();

        var big = await PostAsync(user, $"{path}/entries", new { date = "2025-02-01", value = 40 });
        await PostAsync(user, $"{path}/entries", new { date = "2025-02-02", value = 1 });
        using (var refused = await user.Api.PostJsonAsync($"{path}/entries", new { date = "3100-01-01", value = -40 }))
        {
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        }

        var moved = Assert.Single(await OutboxAsync(app, user));
        Assert.Equal("goal.statusChanged", moved.Type);
        var data = JsonDocument.Parse(moved.Body).RootElement.GetProperty("data");
        Assert.Equal(first, data.GetProperty("previousStatus").GetString());
        Assert.Equal("ahead", data.GetProperty("status").GetString());
        Assert.Equal((await GetJsonAsync(user, $"{path}/progress")).GetProperty("status").GetString(), data.GetProperty("status").GetString());
        Assert.Equal("2025-03-01", data.GetProperty("asOf").GetString());
        Assert.Equal(Id(goal), Id(data));

        // Back, with no read in between: the status before is computed, not cached.
        using (var deleted = await user.Api.DeleteAsync($"{path}/entries/{Id(big)}", Cancellation))
        {
            await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        }
        // Both messages bear the same instant of the test's clock, so their ids do not order them: look for the new one.
        var back = Assert.Single(await OutboxAsync(app, user), m => m.Id != moved.Id);
        var backData = JsonDocument.Parse(back.Body).RootElement.GetProperty("data");
        Assert.Equal("ahead", backData.GetProperty("previousStatus").GetString());
        Assert.Equal(first, backData.GetProperty("status").GetString());
        Assert.NotEqual("ahead", first);
    }

    [Fact]
    public async Task Writes_WebhookOfOtherEventsOrAnotherGoal_PutNothingInTheOutbox()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var other = await CreateMeasuredGoalAsync(user, "Run a marathon");
        await CreateAsync(user, PublicUrl, ["habit.checked"]);
        await CreateAsync(user, PublicUrl, ["entry.created"], Id(other));
        var scoped = await CreateAsync(user, PublicUrl, ["entry.created"], Id(goal));

        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 3 });

        var message = Assert.Single(await OutboxAsync(app, user));
        Assert.Equal(Guid.Parse(Id(scoped)), message.WebhookId);
        Assert.Equal(Id(goal), JsonDocument.Parse(message.Body).RootElement.GetProperty("goalId").GetString());
    }

    [Fact]
    public async Task RefusedChange_InvalidEntry_Returns400AndPutsNothingInTheOutbox()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        await CreateAsync(user, PublicUrl);

        using var response = await user.Api.PostJsonAsync($"/api/v1/goals/{Id(goal)}/entries", new { date = "3100-01-01", value = 3 });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        Assert.Empty(await OutboxAsync(app, user));
    }

    [Fact]
    public async Task Import_OfHabitsAndTheirChecks_PutsNothingInTheOutbox()
    {
        var user = await app.CreateUserAsync();
        await CreateAsync(user, PublicUrl);

        var import = await Importing.ImportApi.ImportAsync(user, Importing.ImportFiles.LoopZip("csv-2.3.1"), "Loop Habits CSV 2025-03-14.zip");

        Importing.ImportApi.AssertSucceeded(import);
        Assert.True(Importing.ImportApi.Created(import, "checks") > 0);
        Assert.Empty(await OutboxAsync(app, user));
        // The webhook still hears what is done by hand afterwards.
        var goal = (await GetJsonAsync(user, "/api/v1/goals")).GetProperty("items").EnumerateArray().First();
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/attempts", new { title = "After the import", date = "2025-02-04", outcome = "pending" });
        Assert.Equal("attempt.recorded", Assert.Single(await OutboxAsync(app, user)).Type);
    }

    [Fact]
    public async Task FailedSave_SavedAgainWithoutTheChange_LeavesNothingInTheOutbox()
    {
        var user = await app.CreateUserAsync();
        await CreateAsync(user, PublicUrl);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        // An entry of a goal that does not exist: the save fails on its foreign key.
        var orphan = new Entry { OwnerId = Guid.Parse(user.Id), Id = Guid.CreateVersion7(), GoalId = Guid.CreateVersion7(), Date = new DateOnly(2025, 2, 1), Value = 1 };
        db.Entries.Add(orphan);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancellation));
        db.Entry(orphan).State = EntityState.Detached;
        await db.SaveChangesAsync(Cancellation);

        Assert.Empty(await OutboxAsync(app, user));
    }

    [Fact]
    public async Task Deliveries_NewWebhook_IsAnEmptyList()
    {
        var user = await app.CreateUserAsync();
        var webhook = await CreateAsync(user, PublicUrl);

        var deliveries = await GetJsonAsync(user, $"/api/v1/webhooks/{Id(webhook)}/deliveries");

        Assert.Empty(deliveries.GetProperty("items").EnumerateArray());
    }
}

public sealed class WebhookTests_Sqlite(SqliteApp app) : WebhookTests(app);

public sealed class WebhookTests_Postgres(PostgresApp app) : WebhookTests(app);
