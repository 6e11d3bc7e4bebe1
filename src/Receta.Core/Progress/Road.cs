using Receta.Core.Breaks;

namespace Receta.Core.Progress;

/// <summary>
/// The road: the line a person promised themself, piecewise linear on active days through
/// <c>(d0, s)</c>, the waypoints strictly between <c>d0</c> and <c>dT</c> in date order, and <c>(dT, t)</c>.
/// Before <c>d0</c> it is <c>s</c>; from <c>dT</c> on it is <c>t</c>. It does not rise on break days:
/// between points <c>(d_i, v_i)</c> and <c>(d_j, v_j)</c>, <c>road(a) = v_i + (v_j − v_i)·active(d_i, a) / active(d_i, d_j)</c>,
/// and <c>v_i</c> until <c>d_j</c> when the piece is all break.
/// </summary>
public sealed class Road
{
    // The points, strictly ascending by day: (d0, s), waypoints..., (dT, t).
    private readonly int[] _days;
    private readonly double[] _values;
    private readonly ActiveDays _activeDays;

    /// <summary>Draws the road. Of several waypoints on one date only the last created (highest sequence) counts; waypoints on or outside <c>d0</c>..<c>dT</c> are ignored.</summary>
    /// <exception cref="ArgumentException">The target date is not after the start date, or a value is not finite.</exception>
    public Road(DateOnly startDate, double startValue, DateOnly targetDate, double targetValue, IEnumerable<Waypoint> waypoints, ActiveDays? activeDays = null)
    {
        ArgumentNullException.ThrowIfNull(waypoints);
        if (targetDate <= startDate)
        {
            throw new ArgumentException("The target date must be after the start date.", nameof(targetDate));
        }
        if (!double.IsFinite(startValue) || !double.IsFinite(targetValue))
        {
            throw new ArgumentException("The road's start and target values must be finite.");
        }
        var inner = new SortedDictionary<int, Waypoint>();
        foreach (var waypoint in waypoints)
        {
            if (waypoint.Date <= startDate || waypoint.Date >= targetDate)
            {
                continue;
            }
            if (!double.IsFinite(waypoint.Value))
            {
                throw new ArgumentException("A waypoint's value must be finite.", nameof(waypoints));
            }
            var day = waypoint.Date.DayNumber;
            if (!inner.TryGetValue(day, out var kept) || waypoint.Sequence >= kept.Sequence)
            {
                inner[day] = waypoint;
            }
        }
        _days = new int[inner.Count + 2];
        _values = new double[inner.Count + 2];
        _days[0] = startDate.DayNumber;
        _values[0] = startValue;
        var i = 1;
        foreach (var (day, waypoint) in inner)
        {
            _days[i] = day;
            _values[i] = waypoint.Value;
            i++;
        }
        _days[i] = targetDate.DayNumber;
        _values[i] = targetValue;
        StartDate = startDate;
        TargetDate = targetDate;
        _activeDays = activeDays ?? ActiveDays.None;
    }

    /// <summary>The start date <c>d0</c>.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The target date <c>dT</c>.</summary>
    public DateOnly TargetDate { get; }

    /// <summary>road(day), in the measure's unit.</summary>
    public double ValueOn(DateOnly day) => ValueOn(day.DayNumber);

    internal double ValueOn(int day)
    {
        if (day <= _days[0])
        {
            return _values[0];
        }
        if (day >= _days[^1])
        {
            return _values[^1];
        }
        var index = Array.BinarySearch(_days, day);
        return index >= 0 ? _values[index] : Interpolate(~index - 1, day);
    }

    /// <summary>
    /// The first day in <paramref name="from"/>..<paramref name="through"/> (day numbers, inclusive) on which the
    /// road is ahead of <paramref name="value"/>, that is <c>dir·(value − road(day)) &lt; 0</c> within the tolerance.
    /// </summary>
    internal int? FirstDayAhead(double value, int direction, int from, int through)
    {
        for (var piece = -1; piece < _days.Length; piece++)
        {
            var (start, end) = Piece(piece);
            var lo = Math.Max(from, start);
            var hi = Math.Min(through, end);
            if (lo > hi)
            {
                continue;
            }
            // Within one piece the road is monotone, so the days it is ahead of the value form a prefix or a suffix.
            if (IsAhead(lo, value, direction))
            {
                return lo;
            }
            if (!IsAhead(hi, value, direction))
            {
                continue;
            }
            while (hi - lo > 1)
            {
                var mid = lo + ((hi - lo) / 2);
                if (IsAhead(mid, value, direction))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }
            return hi;
        }
        return null;
    }

    /// <summary>
    /// The last day in <paramref name="from"/>..<paramref name="through"/> (day numbers, inclusive) on which the
    /// road is not ahead of <paramref name="value"/>, that is <c>dir·(value − road(day)) ≥ 0</c> within the tolerance.
    /// </summary>
    internal int? LastDayNotAhead(double value, int direction, int from, int through)
    {
        for (var piece = _days.Length - 1; piece >= -1; piece--)
        {
            var (start, end) = Piece(piece);
            var lo = Math.Max(from, start);
            var hi = Math.Min(through, end);
            if (lo > hi)
            {
                continue;
            }
            if (!IsAhead(hi, value, direction))
            {
                return hi;
            }
            if (IsAhead(lo, value, direction))
            {
                continue;
            }
            while (hi - lo > 1)
            {
                var mid = lo + ((hi - lo) / 2);
                if (IsAhead(mid, value, direction))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }
            return lo;
        }
        return null;
    }

    private bool IsAhead(int day, double value, int direction) => Tolerance.Compare(value, ValueOn(day)) * direction < 0;

    // Piece −1 is the flat road before d0; piece i is [day i, day i+1) on segment i; the last piece is the flat road from dT on.
    private (int Start, int End) Piece(int piece)
    {
        if (piece < 0)
        {
            return (int.MinValue, _days[0] - 1);
        }
        return piece == _days.Length - 1 ? (_days[piece], int.MaxValue) : (_days[piece], _days[piece + 1] - 1);
    }

    private double Interpolate(int segment, int day)
    {
        var x0 = _days[segment];
        var x1 = _days[segment + 1];
        var v0 = _values[segment];
        var v1 = _values[segment + 1];
        // Without breaks the counts are the calendar's, so the arithmetic is the same as a plain interpolation.
        double along = _activeDays.Count(x0, day);
        double length = _activeDays.Count(x0, x1);
        return length == 0 ? v0 : v0 + ((v1 - v0) * along / length);
    }
}
