using BenchmarkDotNet.Attributes;
using Receta.Core.Progress;
using Receta.Core.Purpose;

namespace Receta.Benchmarks;

/// <summary>
/// Progress as of the last day of 1, 3 and 10 years of daily entries. The history is prepared once, as the web
/// layer caches it per goal version, so the cost of a view should hardly grow with the years. The target is always
/// 1,000 beyond the current value (about a year away), so the forecast inside does the same work for every length.
/// </summary>
[MemoryDiagnoser]
public class ProgressBenchmarks
{
    private static readonly DateOnly Start = new(2015, 1, 1);

    private Measure _measure = null!;
    private MeasureEntry[] _entries = [];
    private MeasureHistory _history = null!;
    private ProgressInput _input = null!;
    private DateOnly _asOf;

    [Params(1, 3, 10)]
    public int Years { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var days = Years * 365;
        // 1 to 5 a day, 3 on average.
        _entries = [.. Enumerable.Range(0, days).Select(i => new MeasureEntry(Start.AddDays(i), 1 + (i % 5), i))];
        _measure = new Measure("hours", 0, (3.0 * days) + 1_000, Aggregation.Sum);
        _history = new MeasureHistory(_measure, _entries);
        _asOf = Start.AddDays(days - 1);
        var waypoints = new[] { new Waypoint(Start.AddDays(days / 2), 1.5 * days, 1) };
        _input = new ProgressInput("goal-benchmark", Start, _asOf.AddDays(400), _measure, _history, waypoints, 0, 0);
    }

    /// <summary>The whole progress view, forecast included.</summary>
    [Benchmark]
    public ProgressReport ComputeProgress() => ProgressCalculator.Compute(_input, _asOf);

    /// <summary>c(a) alone: a binary search over the prepared history.</summary>
    [Benchmark]
    public double CurrentValue() => _history.ValueAsOf(_asOf);

    /// <summary>Preparing the history: once per goal version.</summary>
    [Benchmark]
    public MeasureHistory BuildHistory() => new(_measure, _entries);
}
