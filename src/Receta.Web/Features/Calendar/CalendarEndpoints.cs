namespace Receta.Web.Features.Calendar;

public static class CalendarEndpoints
{
    /// <summary><c>/api/v1/calendar</c>: make, replace, look at and revoke the account's feed address.</summary>
    public static void MapCalendar(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        CreateCalendarFeed.Map(calendar);
        GetCalendarFeedStatus.Map(calendar);
        RevokeCalendarFeed.Map(calendar);
    }

    /// <summary>The feed itself, outside the API: calendar apps read it with no other credentials than its address.</summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder app) => ServeCalendarFeed.Map(app);
}
