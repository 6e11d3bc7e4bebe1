using System.Globalization;
using System.Text.Json;

namespace Receta.Importing.Habitica;

/// <summary>
/// Habitica's dates as the export writes them: instants as JavaScript's ms since the epoch or as
/// <c>Date.toISOString()</c>, and, in old to-dos, whatever the user typed.
/// </summary>
internal static class HabiticaDates
{
    // Exact formats only: a lenient parse would read a to-do's "3/13" as March 13 of the year the
    // import runs, a date the user never meant.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
    ];

    private static readonly string[] WallClockFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd",
    ];

    // Beyond these, converting to a zone could leave DateTime's range; such a date is refused (and
    // one between these but outside 1900–2999 is left for the date check to report).
    private static readonly DateTimeOffset Earliest = new(1800, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(3100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The wall-clock time in <paramref name="zone"/> of a JSON date (a ms-since-epoch number or an ISO
    /// text; a text without an offset is already wall-clock time), and whether it has a time of day
    /// (a bare <c>yyyy-MM-dd</c> has none). False when it is neither, or lies before 1800 or from 3100 on.
    /// </summary>
    public static bool TryReadLocal(JsonElement value, TimeZoneInfo zone, out DateTime local, out bool hasTime)
    {
        local = default;
        hasTime = true;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (!value.TryGetDouble(out var milliseconds)
                    || !(milliseconds >= Earliest.ToUnixTimeMilliseconds() && milliseconds < Latest.ToUnixTimeMilliseconds()))
                {
                    return false;
                }
                local = ToLocal(DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(milliseconds)), zone);
                return true;
            case JsonValueKind.String:
                return HabiticaJson.TryGetText(value, out var text) && TryParseLocal(text, zone, out local, out hasTime);
            default:
                return false;
        }
    }

    /// <summary>The wall-clock time in <paramref name="zone"/> of an ISO text, as <see cref="TryReadLocal"/> reads it.</summary>
    public static bool TryParseLocal(string text, TimeZoneInfo zone, out DateTime local, out bool hasTime)
    {
        var trimmed = text.Trim();
        hasTime = true;
        if (DateTimeOffset.TryParseExact(trimmed, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            var inRange = instant >= Earliest && instant < Latest;
            local = inRange ? ToLocal(instant, zone) : default;
            return inRange;
        }
        if (DateTime.TryParseExact(trimmed, WallClockFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            hasTime = trimmed.Contains('T', StringComparison.Ordinal);
            return true;
        }
        local = default;
        return false;
    }

    private static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
