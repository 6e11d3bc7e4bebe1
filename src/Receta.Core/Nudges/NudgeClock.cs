namespace Receta.Core.Nudges;

/// <summary>
/// When a nudge is due, in a person's zone (connections.md §4): a local time on a local date as an
/// instant, correct across daylight-saving changes, and held back to the end of their quiet hours.
/// </summary>
public static class NudgeClock
{
    /// <summary>How late a nudge may still go out (after an outage or a stop); one due longer ago is dropped.</summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromHours(1);

    /// <summary>When a nudge for <paramref name="time"/> on <paramref name="date"/> is due: that instant, or the end of the quiet hours it falls in.</summary>
    public static DateTimeOffset DueAt(DateOnly date, TimeOnly time, TimeOnly? quietFrom, TimeOnly? quietTo, TimeZoneInfo zone) =>
        AfterQuietHours(Instant(date, time, zone), quietFrom, quietTo, zone);

    /// <summary>Whether a nudge due at <paramref name="due"/> goes out at <paramref name="now"/>: it is due, and not more than <see cref="Lateness"/> ago.</summary>
    public static bool IsDue(DateTimeOffset due, DateTimeOffset now) => due <= now && now - due <= Lateness;

    /// <summary>
    /// The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>.
    /// A time the clocks skip (02:30 on the night they spring forward) is when it would have been
    /// had they not: as many minutes after the jump as it was after its start (03:30). A time they
    /// pass twice (01:30 on the night they fall back) is its first passing.
    /// </summary>
    public static DateTimeOffset Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: daylight time, before the clocks go back.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap, applied across it, lands as far past the gap's end.
            var before = zone.GetUtcOffset(local.AddHours(-6));
            return new DateTimeOffset(local - before, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(local.AddHours(6)));
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Whether a local time lies in quiet hours from <paramref name="from"/> (included) to <paramref name="to"/> (excluded), which may run past midnight.</summary>
    public static bool IsQuiet(TimeOnly time, TimeOnly from, TimeOnly to) =>
        from < to ? time >= from && time < to : time >= from || time < to;

    /// <summary>
    /// <paramref name="due"/>, or the end of the quiet hours it falls in: nothing is sent in them, it
    /// waits for their end. Without quiet hours (either end null), <paramref name="due"/> itself.
    /// </summary>
    public static DateTimeOffset AfterQuietHours(DateTimeOffset due, TimeOnly? from, TimeOnly? to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (from is not { } start || to is not { } end || start == end)
        {
            return due;
        }
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!IsQuiet(time, start, end))
        {
            return due;
        }
        var date = DateOnly.FromDateTime(local.DateTime);
        // Before the end on the same day (the early part of hours past midnight, or hours within a day), else the next day's end.
        var endDate = time < end ? date : date.AddDays(1);
        return Instant(endDate, end, zone);
    }
}
