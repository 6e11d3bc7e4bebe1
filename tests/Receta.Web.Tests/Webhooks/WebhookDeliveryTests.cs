using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Data.Webhooks;
using Receta.Testing;
using Receta.Web.Features.Webhooks;
using Receta.Web.Infrastructure.Email;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using static Receta.Web.Tests.Goals.GoalTests;
using static Receta.Web.Tests.Webhooks.WebhookApi;

namespace Receta.Web.Tests.Webhooks;

/// <summary>
/// connections.md §5, delivery: each test runs an app of its own (it moves the clock, and the sender
/// sends whatever is due in its database) and a real receiver on loopback. The signature is checked
/// with the independent StandardWebhooks package, as a receiver would.
/// </summary>
public abstract class WebhookDeliveryTests(RecetaApp shared)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_EntryAdded_PostsTheEventSignedPerStandardWebhooks()
    {
        await using var app = await StartAsync(allowPrivateNetworks: true);
        // StandardWebhooks refuses timestamps more than 5 minutes from the real time; the app's clock must be near it.
        app.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var webhook = await CreateAsync(user, receiver.Url.AbsoluteUri, ["entry.created"]);
        var entry = await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 4, note = "Dune" });

        Assert.Equal(1, await SendDueAsync(app));

        var request = Assert.Single(receiver.Requests);
        new StandardWebhook(webhook.GetProperty("secret").GetString()!).Verify(request.Body, request.Headers);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(request.Headers["webhook-id"].ToString(), body.GetProperty("id").GetString());
        Assert.StartsWith("msg_", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("entry.created", body.GetProperty("type").GetString());
        Assert.Equal(Id(goal), body.GetProperty("goalId").GetString());
        Assert.Equal(Id(entry), Id(body.GetProperty("data")));
        Assert.Equal("Dune", body.GetProperty("data").GetProperty("note").GetString());
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["webhook-timestamp"].ToString());
        // The check can fail: the same headers over another body do not verify.
        Assert.Throws<WebhookVerificationException>(() =>
            new StandardWebhook(webhook.GetProperty("secret").GetString()!).Verify(request.Body.Replace("Dune", "Emma", StringComparison.Ordinal), request.Headers));

        var deliveries = await GetJsonAsync(user, $"/api/v1/webhooks/{Id(webhook)}/deliveries");
        var delivery = Assert.Single(deliveries.GetProperty("items").EnumerateArray());
        Assert.Equal(body.GetProperty("id").GetString(), delivery.GetProperty("eventId").GetString());
        Assert.Equal("entry.created", delivery.GetProperty("type").GetString());
        Assert.Equal(1, delivery.GetProperty("attempt").GetInt32());
        Assert.Equal(204, delivery.GetProperty("statusCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("error").ValueKind);
        Assert.Equal(0, await SendDueAsync(app));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Send_TwoSendersAtOnce_DeliverEachEventOnce()
    {
        await using var app = await StartAsync(allowPrivateNetworks: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        await CreateAsync(user, receiver.Url.AbsoluteUri, ["entry.created"]);
        for (var day = 1; day <= 5; day++)
        {
            await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = $"2025-02-0{day}", value = day });
        }

        var delivered = (await Task.WhenAll(SendDueAsync(app), SendDueAsync(app), SendDueAsync(app))).Sum();
        // A try the loopback transport drops under the load is retried a minute later, as any failure is.
        for (var minute = 0; minute < 5 && delivered < 5; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(3));
            delivered += await SendDueAsync(app);
        }

        Assert.Equal(5, delivered);
        var succeeded = (await AttemptsAsync(app)).Where(a => a.StatusCode is >= 200 and < 300).ToList();
        Assert.Equal(5, succeeded.Count);
        Assert.Equal(5, succeeded.Select(a => a.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Send_ReceiverFails_RetriesOnScheduleWithTheSameIdThenDisablesAfterThreeDaysAndEmailsTheOwner()
    {
        await using var app = await StartAsync(allowPrivateNetworks: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = StatusCodes.Status500InternalServerError;
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var webhook = await CreateAsync(user, receiver.Url.AbsoluteUri, ["entry.created"]);
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 4 });

        Assert.Equal(0, await SendDueAsync(app));
        // Each retry waits its time and not a second less: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h.
        foreach (var wait in new[] { 1, 5, 30, 120, 360, 720 }.Select(m => TimeSpan.FromMinutes(m)))
        {
            app.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            var before = receiver.Requests.Count;
            await SendDueAsync(app);
            Assert.Equal(before, receiver.Requests.Count);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await SendDueAsync(app);
            Assert.Equal(before + 1, receiver.Requests.Count);
        }
        Assert.Equal(7, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.Headers["webhook-id"].ToString()).Distinct());
        // Retries ran out: the message is given up, the webhook not yet (less than 3 days of failures).
        app.Clock.Advance(TimeSpan.FromDays(1));
        await SendDueAsync(app);
        Assert.Equal(7, receiver.Requests.Count);
        var deliveries = (await GetJsonAsync(user, $"/api/v1/webhooks/{Id(webhook)}/deliveries")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], deliveries.Select(d => d.GetProperty("attempt").GetInt32()));
        Assert.All(deliveries, d => Assert.Equal(500, d.GetProperty("statusCode").GetInt32()));
        Assert.All(deliveries, d => Assert.Contains("500", d.GetProperty("error").GetString(), StringComparison.Ordinal));
        Assert.All(await AttemptsAsync(app), a => Assert.Equal(WebhookAttempt.MaxResponseLength, a.ResponseBody!.Length));
        Assert.Equal(JsonValueKind.Null, Single(await GetJsonAsync(user, "/api/v1/webhooks")).GetProperty("disabledAt").ValueKind);

        // More than 3 days after the first failure, one more failure disables it.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-02", value = 1 });
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-03", value = 1 });
        await SendDueAsync(app);

        Assert.Equal(8, receiver.Requests.Count);
        var listed = Single(await GetJsonAsync(user, "/api/v1/webhooks"));
        Assert.Equal(app.Clock.GetUtcNow(), listed.GetProperty("disabledAt").GetDateTimeOffset());
        Assert.All(await OutboxAsync(app, user), m => Assert.True(m.DeliveredAt is null && m.AbandonedAt is not null));
        Assert.Contains((await GetJsonAsync(user, "/api/v1/audit")).GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "webhookDisabled" && e.GetProperty("detail").GetString() == receiver.Url.AbsoluteUri);
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-04", value = 1 });
        Assert.Equal(3, (await OutboxAsync(app, user)).Count);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxMailer>().SendDueAsync(Cancellation);
        }
        var mail = Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(user.Email, StringComparison.Ordinal)).ToList();
        Assert.Contains(mail, m => m.Contains("disabled a webhook", StringComparison.Ordinal) && m.Contains(receiver.Url.Authority, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ReceiverRecovers_DeliversTheRetryAndClearsTheFailure()
    {
        await using var app = await StartAsync(allowPrivateNetworks: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = StatusCodes.Status503ServiceUnavailable;
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var webhook = await CreateAsync(user, receiver.Url.AbsoluteUri, ["entry.created"]);
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 4 });
        await SendDueAsync(app);

        receiver.Status = StatusCodes.Status200OK;
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await SendDueAsync(app));
        Assert.Equal(2, receiver.Requests.Count);
        var stored = Assert.Single(await WebhooksAsync(app));
        Assert.Null(stored.FailingSince);
        var deliveries = (await GetJsonAsync(user, $"/api/v1/webhooks/{Id(webhook)}/deliveries")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([200, 503], deliveries.Select(d => d.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task Send_HostResolvingToLoopbackWithPrivateNetworksRefused_RecordsTheRefusalAndSendsNothing()
    {
        await using var app = await StartAsync(allowPrivateNetworks: false);
        await using var receiver = await WebhookReceiver.StartAsync();
        var user = await app.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        // The creation check refuses localhost; a row written directly stands for a name that
        // resolved publicly when made and points inward now (DNS rebinding).
        var url = $"https://localhost:{receiver.Url.Port}/hook";
        var webhookId = Guid.CreateVersion7();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector(WebhookSender.SecretPurpose);
            db.Webhooks.Add(new Webhook
            {
                OwnerId = Guid.Parse(user.Id),
                Id = webhookId,
                Url = url,
                Events = "entry.created",
                ProtectedSecret = protector.Protect(WebhookSender.NewSecret()),
                CreatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Cancellation);
        }
        using (var direct = await user.Api.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { "entry.created" } }))
        {
            await direct.AssertProblemAsync(HttpStatusCode.BadRequest, "url");
        }
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 4 });

        Assert.Equal(0, await SendDueAsync(app));

        Assert.Empty(receiver.Requests);
        var delivery = Assert.Single((await GetJsonAsync(user, $"/api/v1/webhooks/{webhookId}/deliveries")).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("statusCode").ValueKind);
        Assert.Matches("^refused: localhost resolves to a private address", delivery.GetProperty("error").GetString());
        var message = Assert.Single(await OutboxAsync(app, user));
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), message.NextAttemptAt);
    }

    internal Task<RecetaApp> StartAsync(bool allowPrivateNetworks) =>
        Security.OwnApp.InitializeOrDisposeAsync(new RecetaApp(shared.Provider, server: shared.Postgres) { AllowPrivateWebhooks = allowPrivateNetworks });

    internal static async Task<int> SendDueAsync(RecetaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendDueAsync(Cancellation);
    }

    private static async Task<List<Webhook>> WebhooksAsync(RecetaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecetaDbContext>().Webhooks.AsNoTracking()
            .AcrossOwners("a test reads every webhook of its own app").ToListAsync(Cancellation);
    }

    private static async Task<List<WebhookAttempt>> AttemptsAsync(RecetaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecetaDbContext>().WebhookAttempts.AsNoTracking()
            .AcrossOwners("a test reads every attempt of its own app").ToListAsync(Cancellation);
    }

    private static JsonElement Single(JsonElement list) => Assert.Single(list.GetProperty("items").EnumerateArray());
}

public sealed class WebhookDeliveryTests_Sqlite(SqliteApp app) : WebhookDeliveryTests(app)
{
    // The 10 s limit is the HTTP client's, whatever the database: waited out once, here.
    [Fact]
    public async Task Send_ReceiverSilentFor10Seconds_RecordsATimeoutAndRetriesInAMinute()
    {
        await using var own = await StartAsync(allowPrivateNetworks: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(30);
        var user = await own.CreateUserAsync();
        var goal = await CreateMeasuredGoalAsync(user);
        var webhook = await CreateAsync(user, receiver.Url.AbsoluteUri, ["entry.created"]);
        await PostAsync(user, $"/api/v1/goals/{Id(goal)}/entries", new { date = "2025-02-01", value = 4 });

        Assert.Equal(0, await SendDueAsync(own));

        Assert.Single(receiver.Requests);
        var delivery = Assert.Single((await GetJsonAsync(user, $"/api/v1/webhooks/{Id(webhook)}/deliveries")).GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, delivery.GetProperty("statusCode").ValueKind);
        Assert.Equal("no answer within 10 s", delivery.GetProperty("error").GetString());
        Assert.Equal(own.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), Assert.Single(await OutboxAsync(own, user)).NextAttemptAt);
    }
}

public sealed class WebhookDeliveryTests_Postgres(PostgresApp app) : WebhookDeliveryTests(app);
