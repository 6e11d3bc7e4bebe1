using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Data.Accounts;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Calendar;

/// <summary>
/// Makes the caller's secret calendar feed address (connections.md §3): 256 random bits in the path,
/// stored as a hash like a token's, shown this once. Making it again replaces it, and the old address
/// stops working at once.
/// </summary>
public static class CreateCalendarFeed
{
    /// <summary>Names what the secret opens, so that it is not taken for a token (<c>rct_</c>).</summary>
    private const string SecretPrefix = "rcal_";

    /// <summary>A new address under <c>origin</c>, where the app is reached (<see cref="Origin"/>), replacing any other.</summary>
    public static async Task<CreateCalendarFeedResponse> HandleAsync(CurrentUser user, string origin, RecetaDbContext db, AuditLog audit, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        var secret = AccessTokenSecrets.NewSecret(SecretPrefix);
        var hash = AccessTokenSecrets.Hash(secret);
        var now = clock.GetUtcNow();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == user.Id);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = user.Id, SecretHash = hash, CreatedAt = now });
        }
        else
        {
            feed.SecretHash = hash;
            feed.CreatedAt = now;
        }
        audit.Add(user.Id, AuditActions.CalendarFeedCreated, feed is null ? null : "the previous address stopped working");
        await db.SaveChangesAsync();
        return Links(origin, secret);
    }

    /// <summary>The feed's address under <paramref name="origin"/>, and the same as a <c>webcal://</c> subscribe link.</summary>
    public static CreateCalendarFeedResponse Links(string origin, string secret)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var url = $"{origin.TrimEnd('/')}{WebPages.CalendarFeedPath}/{secret}.ics";
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal) + 3;
        return new CreateCalendarFeedResponse(url, "webcal://" + url[afterScheme..]);
    }

    /// <summary>The request's scheme and host (and path base): where the person reached the app.</summary>
    public static string Origin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    public static void Map(RouteGroupBuilder calendar) =>
        calendar.MapPost("/", async (CurrentUser user, HttpRequest request, RecetaDbContext db, AuditLog audit, TimeProvider clock) =>
                TypedResults.Created("/api/v1/calendar", await HandleAsync(user, Origin(request), db, audit, clock)))
            .Produces<CreateCalendarFeedResponse>(StatusCodes.Status201Created)
            .WithDescription("Makes your calendar feed's secret address (GET /calendar/{secret}.ics), shown this once, with a webcal:// link to subscribe; posting again replaces it and the old address stops working at once.");
}
