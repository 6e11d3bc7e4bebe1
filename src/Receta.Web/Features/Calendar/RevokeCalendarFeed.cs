using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Calendar;

public static class RevokeCalendarFeed
{
    public static async Task<Outcome<bool>> HandleAsync(CurrentUser user, RecetaDbContext db, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        if (await db.CalendarFeeds.Where(f => f.UserId == user.Id).ExecuteDeleteAsync() == 0)
        {
            return Failure.NotFound("calendar feed");
        }
        await audit.RecordAsync(user.Id, AuditActions.CalendarFeedRevoked);
        return true;
    }

    public static void Map(RouteGroupBuilder calendar) =>
        calendar.MapDelete("/", async (CurrentUser user, RecetaDbContext db, AuditLog audit) =>
                (await HandleAsync(user, db, audit)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Turns your calendar feed off: its address stops working at once. 404 when there is none.");
}
