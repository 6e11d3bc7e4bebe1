namespace Receta.Core.Breaks;

/// <summary>
/// The days a goal is worked on: every day not in one of its breaks (recipe.md, "Breaks and skips").
/// Counting and stepping over active days costs O(log b) per step over b breaks, whatever the span, so a
/// goal with years of history and a few breaks reads as fast as one without. Immutable and safe to share.
/// </summary>
public sealed class ActiveDays
{
    /// <summary>No break: every day is active, and every count equals the calendar's.</summary>
    public static readonly ActiveDays None = new([]);

    // Breaks sorted by start, as day numbers; _breakDaysBefore[i] is the number of break days in breaks 0..i−1.
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly long[] _breakDaysBefore;

    /// <summary>The active days around <paramref name="breaks"/>, each from its first to its last day, both included.</summary>
    /// <exception cref="ArgumentException">A break ends before it starts, or two breaks overlap.</exception>
    public ActiveDays(IEnumerable<DateRange> breaks)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        var sorted = breaks.OrderBy(b => b.From).ToArray();
        _from = new int[sorted.Length];
        _to = new int[sorted.Length];
        _breakDaysBefore = new long[sorted.Length];
        long total = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var range = sorted[i];
            if (range.To < range.From)
            {
                throw new ArgumentException($"The break from {range.From:yyyy-MM-dd} ends before it starts.", nameof(breaks));
            }
            if (i > 0 && range.From <= sorted[i - 1].To)
            {
                throw new ArgumentException($"The breaks from {sorted[i - 1].From:yyyy-MM-dd} and {range.From:yyyy-MM-dd} overlap.", nameof(breaks));
            }
            _from[i] = range.From.DayNumber;
            _to[i] = range.To.DayNumber;
            _breakDaysBefore[i] = total;
            total += _to[i] - _from[i] + 1;
        }
        Breaks = sorted;
    }

    /// <summary>The breaks, by start date.</summary>
    public IReadOnlyList<DateRange> Breaks { get; }

    /// <summary>True when there is at least one break.</summary>
    public bool HasBreaks => _from.Length > 0;

    /// <summary>True when <paramref name="day"/> lies in no break.</summary>
    public bool IsActive(DateOnly day) => BreakAt(day.DayNumber) < 0;

    /// <summary>
    /// <c>active(x, y)</c>: the number of active days <c>d</c> with <c>x &lt; d ≤ y</c>; 0 when <c>y ≤ x</c>.
    /// Without breaks it is <c>days(x, y)</c>.
    /// </summary>
    public int Count(DateOnly x, DateOnly y) => Count(x.DayNumber, y.DayNumber);

    /// <summary>
    /// The <paramref name="n"/>-th active day after <paramref name="day"/> (n ≥ 1), or null when it is after
    /// 2999-12-31. Without breaks it is <paramref name="day"/> + n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public DateOnly? NthAfter(DateOnly day, long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var a = day.DayNumber;
        var latest = DayMath.LatestComputedDate.DayNumber;
        if (n > latest - a)
        {
            return null;
        }
        // Each jump adds the active days still missing; a day adds at most one, so the count never overshoots n.
        // A break is crossed in one step: its days all count as the active day before it.
        var d = a + (int)n;
        while (d <= latest)
        {
            var inBreak = BreakAt(d);
            var counted = Count(a, d);
            if (inBreak >= 0)
            {
                d = counted >= n ? _from[inBreak] - 1 : _to[inBreak] + 1;
                continue;
            }
            if (counted == n)
            {
                return DateOnly.FromDayNumber(d);
            }
            d += (int)(n - counted);
        }
        return null;
    }

    /// <summary>
    /// <see cref="NthAfter(DateOnly, long)"/> for a whole number of days held in a double (the result of a ceiling):
    /// <paramref name="day"/> itself for 0 (no step to take), null when the day would be after 2999-12-31.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="wholeDays"/> is negative, NaN or not whole.</exception>
    public DateOnly? NthAfter(DateOnly day, double wholeDays)
    {
        if (double.IsNaN(wholeDays) || wholeDays < 0 || (double.IsFinite(wholeDays) && Math.Floor(wholeDays) != wholeDays))
        {
            throw new ArgumentException("A number of days must be whole and not negative.", nameof(wholeDays));
        }
        // Beyond the last computed date the answer is null anyway; this also keeps the cast to long defined.
        return wholeDays == 0 ? day : wholeDays > DayMath.LatestComputedDate.DayNumber ? null : NthAfter(day, (long)wholeDays);
    }

    /// <summary>
    /// <c>A_k</c>: with <c>A_0 &lt; A_1 &lt; …</c> the active days on or after <paramref name="day"/>, the one at
    /// <paramref name="k"/> (k ≥ 0), or null when it is after 2999-12-31.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative.</exception>
    public DateOnly? AtOrAfter(DateOnly day, long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return day.DayNumber == 0 ? null : NthAfter(day.AddDays(-1), k + 1);
    }

    /// <summary><see cref="AtOrAfter(DateOnly, long)"/> for a whole <paramref name="k"/> held in a double (the result of a floor).</summary>
    /// <exception cref="ArgumentException"><paramref name="k"/> is negative, NaN or not whole.</exception>
    public DateOnly? AtOrAfter(DateOnly day, double k) => day.DayNumber == 0 ? null : NthAfter(day.AddDays(-1), k + 1);

    /// <summary>
    /// The <paramref name="k"/>-th most recent active day on or before <paramref name="day"/> (k ≥ 1): the first is
    /// <paramref name="day"/> itself when it is active. Without breaks it is <paramref name="day"/> − (k − 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is less than 1.</exception>
    public DateOnly NthMostRecent(DateOnly day, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var a = day.DayNumber;
        // The mirror of NthAfter: jumps back by the active days still missing, crossing a break in one step.
        var d = a - k + 1;
        while (d > 0)
        {
            var inBreak = BreakAt(d);
            var counted = Count(d - 1, a);
            if (inBreak >= 0)
            {
                d = counted >= k ? _to[inBreak] + 1 : _from[inBreak] - 1;
                continue;
            }
            if (counted == k)
            {
                break;
            }
            d -= k - counted;
        }
        return DateOnly.FromDayNumber(Math.Max(0, d));
    }

    internal int Count(int x, int y) => y <= x ? 0 : (int)(y - x - (BreakDaysUpTo(y) - BreakDaysUpTo(x)));

    internal bool IsActive(int day) => BreakAt(day) < 0;

    // The number of break days on or before the day.
    private long BreakDaysUpTo(int day)
    {
        var i = LastStartingOnOrBefore(day);
        return i < 0 ? 0 : _breakDaysBefore[i] + Math.Min(_to[i], day) - _from[i] + 1;
    }

    // The index of the break holding the day, or −1.
    private int BreakAt(int day)
    {
        var i = LastStartingOnOrBefore(day);
        return i >= 0 && day <= _to[i] ? i : -1;
    }

    private int LastStartingOnOrBefore(int day)
    {
        var index = Array.BinarySearch(_from, day);
        return index >= 0 ? index : ~index - 1;
    }
}
