using Receta.Core.Purpose;

namespace Receta.Core.Progress;

/// <summary>
/// A measure's entries, prepared once (O(n log n)) so that the current value as of any day,
/// <c>c(a)</c> of recipe.md §1, is a binary search (O(log n)). Immutable and safe to share.
/// </summary>
public sealed class MeasureHistory
{
    // One element per distinct entry date, ascending: the day number and c(that day).
    private readonly int[] _days;
    private readonly double[] _values;

    /// <summary>Prepares <paramref name="entries"/> (any order, any dates) for <paramref name="measure"/>.</summary>
    /// <exception cref="ArgumentException">An entry that counts has a value that is not finite.</exception>
    public MeasureHistory(Measure measure, IEnumerable<MeasureEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(entries);
        Measure = measure;

        var sorted = entries.ToArray();
        // Same date: creation order. Equal sequences keep their given order, so the result never depends on the sort.
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (x, y) =>
        {
            var byDate = sorted[x].Date.CompareTo(sorted[y].Date);
            if (byDate != 0)
            {
                return byDate;
            }
            var bySequence = sorted[x].Sequence.CompareTo(sorted[y].Sequence);
            return bySequence != 0 ? bySequence : x.CompareTo(y);
        });

        var days = new List<int>();
        var values = new List<double>();
        var aggregation = measure.Aggregation;
        var direction = measure.Direction;
        var sum = 0.0;
        var count = 0L;
        var current = measure.Start;
        foreach (var index in order)
        {
            var entry = sorted[index];
            if (aggregation != Aggregation.Count && entry.Value is { } v && !double.IsFinite(v))
            {
                throw new ArgumentException($"The entry of {entry.Date:yyyy-MM-dd} has a value that is not a finite number.", nameof(entries));
            }
            switch (aggregation)
            {
                case Aggregation.Sum:
                    sum += entry.Value ?? 0;
                    current = measure.Start + sum;
                    break;
                case Aggregation.Count:
                    count++;
                    current = measure.Start + count;
                    break;
                case Aggregation.Last when entry.Value is { } reading:
                    current = reading;
                    break;
                case Aggregation.Best when entry.Value is { } reading:
                    current = direction > 0 ? Math.Max(current, reading) : Math.Min(current, reading);
                    break;
                default:
                    break;
            }
            var day = entry.Date.DayNumber;
            if (days.Count > 0 && days[^1] == day)
            {
                values[^1] = current;
            }
            else
            {
                days.Add(day);
                values.Add(current);
            }
        }
        _days = [.. days];
        _values = [.. values];
        EntryCount = sorted.Length;
    }

    /// <summary>The measure the entries are read with.</summary>
    public Measure Measure { get; }

    /// <summary>How many entries there are, of any date.</summary>
    public int EntryCount { get; }

    /// <summary>The earliest entry date, or null without entries.</summary>
    public DateOnly? EarliestEntryDate => _days.Length == 0 ? null : DateOnly.FromDayNumber(_days[0]);

    /// <summary>The latest entry date, or null without entries.</summary>
    public DateOnly? LatestEntryDate => _days.Length == 0 ? null : DateOnly.FromDayNumber(_days[^1]);

    /// <summary>
    /// <c>c(day)</c>: the current value from the entries dated on or before <paramref name="day"/>
    /// (entries of that day included), in the measure's unit; the start value when there is none.
    /// </summary>
    public double ValueAsOf(DateOnly day) => ValueAsOf(day.DayNumber);

    /// <summary>The latest entry date on or before <paramref name="day"/>, or null when there is none.</summary>
    public DateOnly? LatestEntryDateAsOf(DateOnly day)
    {
        var index = LastIndexAtOrBefore(day.DayNumber);
        return index < 0 ? null : DateOnly.FromDayNumber(_days[index]);
    }

    internal double ValueAsOf(int dayNumber)
    {
        var index = LastIndexAtOrBefore(dayNumber);
        return index < 0 ? Measure.Start : _values[index];
    }

    private int LastIndexAtOrBefore(int dayNumber)
    {
        var index = Array.BinarySearch(_days, dayNumber);
        return index >= 0 ? index : ~index - 1;
    }
}
