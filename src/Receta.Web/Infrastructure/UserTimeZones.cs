namespace Receta.Web.Infrastructure;

/// <summary>IANA time zones and the calendar day they put "now" on.</summary>
public static class UserTimeZones
{
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }
        // Only IANA ids are accepted, so every node and every client agrees on the zone's name.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }
        zone = found;
        return true;
    }

    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Today(clock.GetUtcNow(), zone);
    }

    /// <summary>The date in <paramref name="zone"/> at <paramref name="instant"/>.</summary>
    public static DateOnly Today(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
