using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Receta.Core.Circle;
using Receta.Core.Perseverance;
using Receta.Core.Work;
using Receta.Data;
using Receta.Data.Sharding;
using Receta.Web.Features.Goals;
using Receta.Web.Features.Progress;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Calendar;

/// <summary>
/// <c>GET /calendar/{secret}.ics</c> (connections.md §3): every goal the feed's account can read (its
/// own, and those shared with it as an active circle member), as of the account's today, for a
/// calendar app that sends no other credentials than the address. The body is the same bytes for
/// the same data, so its hash is the <c>ETag</c> and an unchanged feed answers 304.
/// </summary>
public static class ServeCalendarFeed
{
    public const string RateLimitPolicy = "calendar-feed";
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// The feed of the account whose address holds <paramref name="secret"/>, its events linking to their
    /// goals' pages under <paramref name="origin"/>; not found for any other secret.
    /// </summary>
    public static async Task<Outcome<string>> HandleAsync(
        string secret, string origin, RecetaDbContext db, GoalHistories histories, GoalViewCache cache,
        IStringLocalizer<CalendarDocument> texts, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var hash = AccessTokenSecrets.Hash(secret);
        var account = await OwnerRoutes.FindAccountAsync(db, hash, cancellationToken) is not { } userId ? null
            : await db.CalendarFeeds.AsNoTracking()
                .Where(f => f.UserId == userId && f.SecretHash == hash)
                .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new { f.UserId, f.CreatedAt, u.TimeZone, u.Language })
                .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return Failure.NotFound("calendar feed");
        }
        var zone = UserTimeZones.FindOrUtc(account.TimeZone);
        // The feed reads as its account would, and never writes.
        var reader = new CurrentUser(account.UserId, CanWrite: false, zone, UserTimeZones.Today(clock, zone));

        var goals = new List<CalendarGoal>();
        var latest = account.CreatedAt;
        var listed = await ListGoals.HandleAsync(reader, new PageRequest(PageRequest.MaxLimit, null), db);
        foreach (var listedGoal in listed.Value?.Items ?? [])
        {
            var scope = await GoalScope.LoadAsync(reader, listedGoal.Id.ToString(), GoalAction.Read, db, cancellationToken);
            if (scope.Value is not { } readable)
            {
                continue;
            }
            var (goal, changedAt) = await ReadGoalAsync(readable, db, histories, cache, cancellationToken);
            goals.Add(goal);
            latest = changedAt > latest ? changedAt : latest;
        }
        return new CalendarDocument(texts).Write(goals, Localization.OfAccount(account.Language), zone.Id, latest, origin);
    }

    /// <summary>One goal's events, and the latest moment anything in them was made (their <c>DTSTAMP</c> is the feed's latest).</summary>
    private static async Task<(CalendarGoal Goal, DateTimeOffset ChangedAt)> ReadGoalAsync(
        GoalScope scope, RecetaDbContext db, GoalHistories histories, GoalViewCache cache, CancellationToken cancellationToken)
    {
        var goal = scope.Goal;
        var today = scope.User.Today;
        var milestones = await db.Milestones.Under(scope).Where(m => m.DueDate != null)
            .OrderBy(m => m.DueDate).ThenBy(m => m.Sequence).ToListAsync(cancellationToken);
        var progress = await GetProgress.HandleAsync(scope, today, db, histories, cache);
        var habits = await db.Habits.Under(scope).Where(h => h.Times == h.PerDays)
            .OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        var breaks = await db.GoalBreaks.Under(scope).OrderBy(b => b.From).ToListAsync(cancellationToken);
        var attempts = await db.Attempts.Under(scope).Where(a => a.Outcome == AttemptOutcome.Pending)
            .OrderBy(a => a.Date).ThenBy(a => a.Sequence).ToListAsync(cancellationToken);

        var checks = (await db.HabitChecks.AsNoTracking().Where(c => c.OwnerId == goal.OwnerId && c.GoalId == goal.Id)
            .Select(c => new { c.HabitId, c.Date }).ToListAsync(cancellationToken)).ToLookup(c => c.HabitId, c => c.Date);
        var skips = (await db.HabitSkips.AsNoTracking().Where(s => s.OwnerId == goal.OwnerId && s.GoalId == goal.Id)
            .Select(s => new { s.HabitId, s.Date }).ToListAsync(cancellationToken)).ToLookup(s => s.HabitId, s => s.Date);
        var activeDays = await histories.GetBreaksAsync(goal, db);
        var breakDays = activeDays.Breaks.SelectMany(b => Enumerable.Range(0, b.Days).Select(b.From.AddDays)).ToList();
        var dailyHabits = new List<CalendarHabit>();
        foreach (var habit in habits)
        {
            var checkedDays = checks[habit.Id].ToHashSet();
            var skipped = skips[habit.Id].ToHashSet();
            var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(habit.CreatedAt, scope.User.TimeZone).DateTime);
            // From its first day: made then, or marked before (an imported history).
            var from = checkedDays.Concat(skipped).Append(created).Min();
            // The days the app does not ask for the habit, by its one rule.
            var excused = skipped.Union(breakDays)
                .Where(day => day >= from && HabitCalculator.IsExcused(checkedDays.Contains(day), skipped.Contains(day), !activeDays.IsActive(day)))
                .Order().ToList();
            dailyHabits.Add(new CalendarHabit(habit, from, excused));
        }

        var changedAt = new[] { goal.CreatedAt }
            .Concat(milestones.Select(m => m.CreatedAt)).Concat(habits.Select(h => h.CreatedAt))
            .Concat(breaks.Select(b => b.CreatedAt)).Concat(attempts.Select(a => a.CreatedAt))
            .Max();
        return (new CalendarGoal(goal, milestones, progress.Forecast, dailyHabits, breaks, attempts), changedAt);
    }

    /// <summary>A strong validator of the body: its SHA-256, which changes whenever one byte does.</summary>
    public static EntityTagHeaderValue EntityTag(byte[] body) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(WebPages.CalendarFeedPath + "/{secret}.ics", async (string secret, HttpRequest request, RecetaDbContext db, GoalHistories histories,
                GoalViewCache cache, IStringLocalizer<CalendarDocument> texts, TimeProvider clock, CancellationToken cancellationToken) =>
                (await HandleAsync(secret, CreateCalendarFeed.Origin(request), db, histories, cache, texts, clock, cancellationToken)).ToResult(document =>
                {
                    var body = Encoding.UTF8.GetBytes(document);
                    // The file result answers If-None-Match itself: 304, with the ETag and no body, when the tag matches.
                    request.HttpContext.Response.Headers.CacheControl = "private, no-cache";
                    return TypedResults.Bytes(body, ContentType, entityTag: EntityTag(body));
                }))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Calendar")
            .Produces<string>(contentType: "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDescription("The calendar feed (RFC 5545) of the account whose secret address this is, for a calendar app to subscribe to: no other credentials. Every goal the account can read, as of its today, as all-day events: the target date, each milestone with a due date (done ones marked ✓), the forecast's P50–P90 window, each daily habit as one daily event without its skipped days, breaks and pending attempts; titles in the account's language. ETag, and 304 on If-None-Match. 404 for an address that is not, or no longer, a feed's.");
}
