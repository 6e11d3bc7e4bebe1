using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.AspNetCore.Mvc.Testing;
using Receta.Testing;
using static Receta.Web.Tests.Goals.GoalTests;

namespace Receta.Web.Tests.Calendar;

/// <summary>
/// connections.md §3: the secret calendar feed, read back with Ical.Net as a calendar app would and
/// checked byte by byte against RFC 5545's rules (formats.md §7). The app's today is 2025-03-01.
/// </summary>
public abstract class CalendarFeedTests(RecetaApp app)
{
    /// <summary>Over 75 octets once on a SUMMARY line, with characters of two and three octets, so that the line must be folded.</summary>
    private const string LongTitle = "Run the half marathon of Sevilla — año nuevo, piernas nuevas, mañana sí";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateFeed_Returns201WithAnHttpsAndAWebcalAddressOfTheSameSecret()
    {
        var user = await app.CreateUserAsync();

        using var response = await user.Api.PostAsync("/api/v1/calendar", null, Cancellation);

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.EndsWith("/api/v1/calendar", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var feed = await response.ReadJsonAsync<Feed>();
        Assert.Matches("^http://localhost/calendar/rcal_[A-Za-z0-9_-]{43}\\.ics$", feed.Url);
        Assert.Equal("webcal://" + feed.Url["http://".Length..], feed.WebcalUrl);
        var status = await GetJsonAsync(user, "/api/v1/calendar");
        Assert.True(status.GetProperty("exists").GetBoolean());
        Assert.DoesNotContain(feed.Url[(feed.Url.LastIndexOf('/') + 1)..^4], status.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeed_Anonymously_HoldsEveryKindOfEventAsAllDayWithStableIds()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);

        var (first, body) = await FetchAsync(feed.Url);
        var (_, again) = await FetchAsync(feed.Url);

        await first.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType?.CharSet);
        Assert.Equal(body, again);
        var events = Events(body);
        Assert.Equal(
            new[]
            {
                $"goal-target-{goal.Id}@receta", $"goal-forecast-{goal.Id}@receta", $"milestone-{goal.Milestone}@receta",
                $"milestone-{goal.DoneMilestone}@receta", $"habit-{goal.DailyHabit}@receta", $"break-{goal.Break}@receta",
                $"attempt-{goal.PendingAttempt}@receta",
            }.Order(),
            events.Keys.Order());
        Assert.All(events.Values, e =>
        {
            Assert.False(e.DtStart!.HasTime);
            Assert.False(e.DtEnd!.HasTime);
            Assert.True(e.DtStart.Date < e.DtEnd.Date);
            Assert.Equal("TRANSPARENT", e.Transparency);
            Assert.True(e.DtStamp!.IsUtc);
        });
        Assert.Single(events.Values.Select(e => e.DtStamp!.Value).Distinct());
        AssertDays(events[$"goal-target-{goal.Id}@receta"], "2025-06-30", "2025-07-01");
        AssertDays(events[$"milestone-{goal.Milestone}@receta"], "2025-03-20", "2025-03-21");
        AssertDays(events[$"break-{goal.Break}@receta"], "2025-04-01", "2025-04-08");
        AssertDays(events[$"attempt-{goal.PendingAttempt}@receta"], "2025-05-15", "2025-05-16");
        Assert.Equal("Target date: Run a half marathon", events[$"goal-target-{goal.Id}@receta"].Summary);
        Assert.Equal($"Milestone: {LongTitle} · Run a half marathon", events[$"milestone-{goal.Milestone}@receta"].Summary);
        Assert.Equal("✓ Milestone: First 10k · Run a half marathon", events[$"milestone-{goal.DoneMilestone}@receta"].Summary);
        Assert.Equal("Exams", events[$"break-{goal.Break}@receta"].Description);
        Assert.Equal("Attempt: Sevilla half marathon · Run a half marathon", events[$"attempt-{goal.PendingAttempt}@receta"].Summary);
    }

    [Fact]
    public async Task GetFeed_ForecastWindow_SpansTheProgressViewsP50ToP90()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);
        var forecast = (await GetJsonAsync(user, $"/api/v1/goals/{goal.Id}/progress")).GetProperty("forecast");

        var (_, body) = await FetchAsync(feed.Url);

        var window = Events(body)[$"goal-forecast-{goal.Id}@receta"];
        var p50 = DateOnly.Parse(forecast.GetProperty("p50").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var p90 = DateOnly.Parse(forecast.GetProperty("p90").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(p50, window.DtStart!.Date);
        Assert.Equal(p90.AddDays(1), window.DtEnd!.Date);
        Assert.Equal("Forecast (50 %–90 % likely): Run a half marathon", window.Summary);
    }

    [Fact]
    public async Task GetFeed_DailyHabit_RecursEveryDayButTheSkippedAndBreakDays()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);

        var (_, body) = await FetchAsync(feed.Url);

        var habit = Events(body)[$"habit-{goal.DailyHabit}@receta"];
        Assert.Equal(Ical.Net.FrequencyType.Daily, habit.RecurrenceRule!.Frequency);
        Assert.Null(habit.RecurrenceRule.Until);
        // Its first check (2025-02-01) is before the day it was made in the app (2025-03-01).
        AssertDays(habit, "2025-02-01", "2025-02-02");
        var excluded = habit.ExceptionDates.GetAllDates().ToList();
        Assert.All(excluded, day => Assert.False(day.HasTime));
        Assert.Equal(
            ["2025-02-10", "2025-04-01", "2025-04-02", "2025-04-03", "2025-04-04", "2025-04-05", "2025-04-06", "2025-04-07"],
            excluded.Select(day => day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Contains("RRULE:FREQ=DAILY\r\n", body, StringComparison.Ordinal);
        Assert.Contains("EXDATE;VALUE=DATE:20250210", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeed_RawBody_FollowsRfc5545()
    {
        var user = await app.CreateUserAsync();
        await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);

        var (response, body) = await FetchAsync(feed.Url);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", body, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", body, StringComparison.Ordinal);
        var lines = body[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
        Assert.All(lines, line => Assert.DoesNotContain('\r', line));
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        foreach (var expected in new[]
        {
            "VERSION:2.0", "METHOD:PUBLISH", "PRODID:-//Receta//Calendar feed 1.0//EN", "X-WR-CALNAME:Receta: your goals",
            "NAME:Receta: your goals", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H", "X-WR-TIMEZONE:UTC",
            "DTSTART;VALUE=DATE:20250630", "DTEND;VALUE=DATE:20250701", "TRANSP:TRANSPARENT",
        })
        {
            Assert.Contains(expected, lines);
        }
        Assert.DoesNotContain("ical.net", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lines, line => line.StartsWith("DTSTART:", StringComparison.Ordinal) || line.StartsWith("DTEND:", StringComparison.Ordinal));
        Assert.NotNull(Ical.Net.Calendar.Load(body));
    }

    [Fact]
    public async Task GetFeed_IfNoneMatchTheETag_Returns304UntilSomethingChanges()
    {
        var user = await app.CreateUserAsync();
        var goal = await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);
        var (first, _) = await FetchAsync(feed.Url);
        var etag = first.Headers.ETag;

        var (unchanged, empty) = await FetchAsync(feed.Url, etag);
        await PostAsync(user, $"/api/v1/goals/{goal.Id}/milestones", new { title = "Long run", dueDate = "2025-04-20" });
        var (changed, body) = await FetchAsync(feed.Url, etag);

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag);
        Assert.Empty(empty);
        await changed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Long run", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFeed_Again_RotatesTheAddressAndKeepsTheEventIds()
    {
        var user = await app.CreateUserAsync();
        await CreateGoalWithEverythingAsync(user);
        var old = await CreateFeedAsync(user);
        var (_, before) = await FetchAsync(old.Url);

        var rotated = await CreateFeedAsync(user);
        var (oldAnswer, _) = await FetchAsync(old.Url);
        var (newAnswer, after) = await FetchAsync(rotated.Url);

        Assert.NotEqual(old.Url, rotated.Url);
        await oldAnswer.AssertProblemAsync(HttpStatusCode.NotFound);
        await newAnswer.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(Events(before).Keys.Order(), Events(after).Keys.Order());
    }

    [Fact]
    public async Task CreateFeed_SameIdempotencyKeyTwice_IsNotReplayed()
    {
        var user = await app.CreateUserAsync();
        var key = Guid.NewGuid().ToString("N");

        var first = await CreateFeedAsync(user, key);
        var second = await CreateFeedAsync(user, key);
        var (firstAnswer, _) = await FetchAsync(first.Url);

        // The answer holds the secret, which is never stored: each post makes a new address.
        Assert.NotEqual(first.Url, second.Url);
        await firstAnswer.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RevokeFeed_Returns204ThenTheAddressIsNotFound()
    {
        var user = await app.CreateUserAsync();
        var feed = await CreateFeedAsync(user);

        using var revoked = await user.Api.DeleteAsync("/api/v1/calendar", Cancellation);
        var (answer, _) = await FetchAsync(feed.Url);
        using var again = await user.Api.DeleteAsync("/api/v1/calendar", Cancellation);

        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await answer.AssertProblemAsync(HttpStatusCode.NotFound);
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        var status = await GetJsonAsync(user, "/api/v1/calendar");
        Assert.False(status.GetProperty("exists").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("createdAt").ValueKind);
    }

    [Fact]
    public async Task GetFeed_UnknownSecret_Returns404Problem()
    {
        using var anonymous = CalendarApp();

        using var response = await anonymous.GetAsync("/calendar/rcal_not-a-feed-at-all.ics", Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetFeed_OverPlainHttp_IsSentToHttps()
    {
        var user = await app.CreateUserAsync();
        var feed = await CreateFeedAsync(user);
        using var plain = app.CreateApiClient();

        using var response = await plain.GetAsync(new Uri(feed.Url).PathAndQuery, Cancellation);

        Assert.Equal(HttpStatusCode.RedirectKeepVerb, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task GetFeed_ManyTimesAMinuteFromOneAddress_Returns429()
    {
        using var anonymous = CalendarApp();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 61; i++)
        {
            using var response = await anonymous.GetAsync("/calendar/rcal_unknown.ics", Cancellation);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses[..60], status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[60]);
    }

    [Fact]
    public async Task ReadScopedToken_MayLookButNotCreateRotateOrRevoke()
    {
        var user = await app.CreateUserAsync();
        var feed = await CreateFeedAsync(user);
        var token = await user.CreateTokenAsync("read");
        using var reader = app.CreateApiClient(token.Secret);

        using var create = await reader.PostAsync("/api/v1/calendar", null, Cancellation);
        using var revoke = await reader.DeleteAsync("/api/v1/calendar", Cancellation);
        using var status = await reader.GetAsync("/api/v1/calendar", Cancellation);
        var (stillThere, _) = await FetchAsync(feed.Url);

        await create.AssertProblemAsync(HttpStatusCode.Forbidden);
        await revoke.AssertProblemAsync(HttpStatusCode.Forbidden);
        await status.AssertStatusAsync(HttpStatusCode.OK);
        await stillThere.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateFeed_Anonymously_Returns401()
    {
        using var anonymous = app.CreateApiClient();

        using var response = await anonymous.PostAsync("/api/v1/calendar", null, Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangePassword_EndsTheFeed()
    {
        var user = await app.CreateUserAsync();
        var feed = await CreateFeedAsync(user);

        using var changed = await user.Api.PostJsonAsync("/api/v1/me/password", new { currentPassword = user.Password, newPassword = $"another fine passphrase {Guid.NewGuid():N}" });
        var (answer, _) = await FetchAsync(feed.Url);

        await changed.AssertStatusAsync(HttpStatusCode.NoContent);
        await answer.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetFeed_ViewerMember_SeesTheSharedGoalOnlyWhileAMember()
    {
        var owner = await app.CreateUserAsync(displayName: "Owner");
        var viewer = await app.CreateUserAsync(displayName: "Viewer");
        var invitee = await app.CreateUserAsync(displayName: "Invitee");
        var shared = await CreateGoalWithEverythingAsync(owner);
        var own = Id(await CreateGoalAsync(owner, new { title = "Not shared", startDate = "2025-01-01", targetDate = "2025-09-01" }));
        var member = Id(await PostAsync(owner, $"/api/v1/goals/{shared.Id}/circle", new { email = viewer.Email, role = "viewer" }));
        using var accepted = await viewer.Api.PostAsync($"/api/v1/invitations/{member}/accept", null, Cancellation);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
        await PostAsync(owner, $"/api/v1/goals/{shared.Id}/circle", new { email = invitee.Email, role = "partner" });
        var viewerFeed = await CreateFeedAsync(viewer);
        var inviteeFeed = await CreateFeedAsync(invitee);
        var ownerFeed = await CreateFeedAsync(owner);

        var (_, seenByViewer) = await FetchAsync(viewerFeed.Url);
        var (_, seenByInvitee) = await FetchAsync(inviteeFeed.Url);
        var (_, seenByOwner) = await FetchAsync(ownerFeed.Url);
        using var removed = await owner.Api.DeleteAsync($"/api/v1/goals/{shared.Id}/circle/{member}", Cancellation);
        var (_, afterRemoval) = await FetchAsync(viewerFeed.Url);

        var viewerEvents = Events(seenByViewer);
        Assert.Equal(Events(seenByOwner).Keys.Where(uid => !uid.Contains(own, StringComparison.Ordinal)).Order(), viewerEvents.Keys.Order());
        Assert.Contains($"goal-target-{own}@receta", Events(seenByOwner).Keys);
        Assert.Contains($"milestone-{shared.Milestone}@receta", viewerEvents.Keys);
        Assert.Contains($"attempt-{shared.PendingAttempt}@receta", viewerEvents.Keys);
        Assert.Empty(Events(seenByInvitee));
        await removed.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty(Events(afterRemoval));
    }

    [Fact]
    public async Task GetFeed_SpanishAccount_TitlesInSpanish()
    {
        var user = await app.CreateUserAsync();
        using var language = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "es" });
        await language.AssertStatusAsync(HttpStatusCode.OK);
        var goal = await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);

        // The request's language is not the account's: a calendar app asks in its own.
        var (_, body) = await FetchAsync(feed.Url, language: "en-US");

        var events = Events(body);
        Assert.Equal("Fecha meta: Run a half marathon", events[$"goal-target-{goal.Id}@receta"].Summary);
        Assert.Equal("✓ Hito: First 10k · Run a half marathon", events[$"milestone-{goal.DoneMilestone}@receta"].Summary);
        Assert.Equal("Hábito: Stretch · Run a half marathon", events[$"habit-{goal.DailyHabit}@receta"].Summary);
        Assert.Equal("Pausa: Run a half marathon", events[$"break-{goal.Break}@receta"].Summary);
        Assert.StartsWith("Pronóstico", events[$"goal-forecast-{goal.Id}@receta"].Summary, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Receta: tus metas", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeed_PortugueseAccount_TitlesInPortuguese()
    {
        var user = await app.CreateUserAsync();
        using var language = await user.Api.PatchJsonAsync("/api/v1/me", new { language = "pt-BR" });
        await language.AssertStatusAsync(HttpStatusCode.OK);
        var goal = await CreateGoalWithEverythingAsync(user);
        var feed = await CreateFeedAsync(user);

        var (_, body) = await FetchAsync(feed.Url, language: "en-US");

        var events = Events(body);
        Assert.Equal("Data-alvo: Run a half marathon", events[$"goal-target-{goal.Id}@receta"].Summary);
        Assert.Equal("✓ Marco: First 10k · Run a half marathon", events[$"milestone-{goal.DoneMilestone}@receta"].Summary);
        Assert.Equal("Hábito: Stretch · Run a half marathon", events[$"habit-{goal.DailyHabit}@receta"].Summary);
        Assert.StartsWith("Previsão", events[$"goal-forecast-{goal.Id}@receta"].Summary, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Receta: suas metas", body, StringComparison.Ordinal);
    }

    /// <summary>The ids of a goal with one item of every kind the feed shows, and one of every kind it leaves out.</summary>
    private sealed record GoalIds(string Id, string Milestone, string DoneMilestone, string DailyHabit, string Break, string PendingAttempt);

    private sealed record Feed(string Url, string WebcalUrl);

    private static async Task<GoalIds> CreateGoalWithEverythingAsync(TestUser user)
    {
        var goal = Id(await CreateGoalAsync(user, new
        {
            title = "Run a half marathon",
            startDate = "2025-01-01",
            targetDate = "2025-06-30",
            measure = new { unit = "km", start = 0, target = 100, aggregation = "sum" },
        }));
        var prefix = $"/api/v1/goals/{goal}";
        // Enough daily entries for a forecast.
        for (var day = new DateOnly(2025, 2, 15); day <= new DateOnly(2025, 2, 28); day = day.AddDays(1))
        {
            await PostAsync(user, $"{prefix}/entries", new { date = day, value = 1 + day.Day % 3 });
        }
        var milestone = Id(await PostAsync(user, $"{prefix}/milestones", new { title = LongTitle, dueDate = "2025-03-20" }));
        var done = Id(await PostAsync(user, $"{prefix}/milestones", new { title = "First 10k", dueDate = "2025-02-20", status = "done", completedOn = "2025-02-18" }));
        await PostAsync(user, $"{prefix}/milestones", new { title = "Some day, no date" });
        var daily = Id(await PostAsync(user, $"{prefix}/habits", new { title = "Stretch", times = 1, perDays = 1 }));
        await PostAsync(user, $"{prefix}/habits/{daily}/checks", new { date = "2025-02-01" });
        await PostAsync(user, $"{prefix}/habits/{daily}/skips", new { date = "2025-02-10" });
        await PostAsync(user, $"{prefix}/habits", new { title = "Intervals", times = 3, perDays = 7 });
        var pause = Id(await PostAsync(user, $"{prefix}/breaks", new { from = "2025-04-01", to = "2025-04-07", note = "Exams" }));
        var pending = Id(await PostAsync(user, $"{prefix}/attempts", new { title = "Sevilla half marathon", date = "2025-05-15", outcome = "pending" }));
        await PostAsync(user, $"{prefix}/attempts", new { title = "A 10k that went wrong", date = "2025-02-05", outcome = "failed", lesson = "Start slower" });
        return new GoalIds(goal, milestone, done, daily, pause, pending);
    }

    private static async Task<Feed> CreateFeedAsync(TestUser user, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await user.Api.SendAsync(request, Cancellation);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<Feed>();
    }

    /// <summary>
    /// Reads the feed as a calendar app does, over https (outside Development the feed, like the pages,
    /// sends plain http there): no credentials, only the address.
    /// </summary>
    private async Task<(HttpResponseMessage Response, string Body)> FetchAsync(string url, EntityTagHeaderValue? ifNoneMatch = null, string? language = null)
    {
        using var client = CalendarApp();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        var response = await client.SendAsync(request, Cancellation);
        return (response, await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>A client of its own network address, with no credentials, on https.</summary>
    private HttpClient CalendarApp()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(RecetaApp.ClientAddressHeader, app.NewClientAddress());
        return client;
    }

    private static Dictionary<string, CalendarEvent> Events(string body)
    {
        var calendar = Ical.Net.Calendar.Load(body) ?? throw new TestAssertionException($"Not a calendar:\n{body}");
        return calendar.Events.ToDictionary(e => e.Uid!, StringComparer.Ordinal);
    }

    private static void AssertDays(CalendarEvent item, string first, string endExclusive)
    {
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), item.DtStart!.Date);
        Assert.Equal(DateOnly.Parse(endExclusive, System.Globalization.CultureInfo.InvariantCulture), item.DtEnd!.Date);
    }
}

public sealed class CalendarFeedTests_Sqlite(SqliteApp app) : CalendarFeedTests(app);

public sealed class CalendarFeedTests_Postgres(PostgresApp app) : CalendarFeedTests(app);
