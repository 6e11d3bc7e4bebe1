namespace Receta.Core.Work;

/// <summary>
/// A goal's work sessions, prepared once (O(n log n)) so that the minutes worked in any span of days is
/// two binary searches (O(log n)). Immutable and safe to share.
/// </summary>
public sealed class WorkHistory
{
    /// <summary>No work logged.</summary>
    public static readonly WorkHistory None = new([]);

    // One element per distinct date, ascending: the day number and the minutes worked up to and including it.
    private readonly int[] _days;
    private readonly long[] _minutesThrough;

    /// <summary>Prepares <paramref name="sessions"/>, in any order and of any date.</summary>
    public WorkHistory(IEnumerable<WorkSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var byDay = new SortedDictionary<int, long>();
        foreach (var session in sessions)
        {
            var day = session.Date.DayNumber;
            byDay[day] = byDay.GetValueOrDefault(day) + session.Minutes;
        }
        _days = new int[byDay.Count];
        _minutesThrough = new long[byDay.Count];
        var i = 0;
        long total = 0;
        foreach (var (day, minutes) in byDay)
        {
            total += minutes;
            _days[i] = day;
            _minutesThrough[i] = total;
            i++;
        }
    }

    /// <summary>How many distinct days have work.</summary>
    public int DayCount => _days.Length;

    /// <summary>The hours (minutes / 60) of the sessions dated <c>d</c> with <paramref name="after"/> &lt; d ≤ <paramref name="through"/>; 0 when <paramref name="through"/> ≤ <paramref name="after"/>.</summary>
    public double HoursBetween(DateOnly after, DateOnly through) =>
        through <= after ? 0 : (MinutesThrough(through.DayNumber) - MinutesThrough(after.DayNumber)) / 60.0;

    private long MinutesThrough(int day)
    {
        var index = Array.BinarySearch(_days, day);
        var last = index >= 0 ? index : ~index - 1;
        return last < 0 ? 0 : _minutesThrough[last];
    }
}
