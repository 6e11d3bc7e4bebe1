using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Calendar;

public static class GetCalendarFeedStatus
{
    public static async Task<CalendarFeedResponse> HandleAsync(CurrentUser user, RecetaDbContext db)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var createdAt = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.UserId == user.Id)
            .Select(f => (DateTimeOffset?)f.CreatedAt)
            .FirstOrDefaultAsync();
        return new CalendarFeedResponse(createdAt is not null, createdAt);
    }

    public static void Map(RouteGroupBuilder calendar) =>
        calendar.MapGet("/", async (CurrentUser user, RecetaDbContext db) => TypedResults.Ok(await HandleAsync(user, db)))
            .Produces<CalendarFeedResponse>()
            .WithDescription("Whether you have a calendar feed address, and since when; never the address itself, which was shown once.");
}
