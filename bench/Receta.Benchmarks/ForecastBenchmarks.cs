using BenchmarkDotNet.Attributes;
using Receta.Core.Progress;
using Receta.Core.Purpose;

namespace Receta.Benchmarks;

/// <summary>The Monte Carlo forecast of one goal: steady progress, and noisy progress with a slow drift.</summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly DateOnly AsOf = new(2025, 3, 1);
    // Two years ahead: the odds run every path to it, also after the median is known to be "never".
    private static readonly DateOnly TargetDate = new(2027, 3, 1);

    private MeasureHistory _steady = null!;
    private MeasureHistory _noisy = null!;
    private MeasureHistory _drifting = null!;

    [GlobalSetup]
    public void Setup()
    {
        var days = Enumerable.Range(0, 60).ToArray();
        _steady = new MeasureHistory(Measure(1000), days.Select(i => new MeasureEntry(Start.AddDays(i), 2, i)));
        // Changes of 0 to 4 (1.5 a day on average): most paths reach 1,000 in about 600 days.
        _noisy = new MeasureHistory(Measure(1000), days.Select(i => new MeasureEntry(Start.AddDays(i), (i * 7 % 5) - (i % 2 == 0 ? 0 : 0.5), i)));
        // ±5 a day with a drift of 0.025: about 40% of paths never arrive, so they run the full ten years.
        _drifting = new MeasureHistory(Measure(200), days.Select(i => new MeasureEntry(Start.AddDays(i), i % 2 == 0 ? 5.05 : -5, i)));
    }

    [Benchmark]
    public ForecastOutlook? Steady() => MonteCarloForecast.Compute("goal-steady", AsOf, _steady, _steady.Measure, Start, TargetDate);

    [Benchmark]
    public ForecastOutlook? Noisy() => MonteCarloForecast.Compute("goal-noisy", AsOf, _noisy, _noisy.Measure, Start, TargetDate);

    [Benchmark]
    public ForecastOutlook? Drifting() => MonteCarloForecast.Compute("goal-drifting", AsOf, _drifting, _drifting.Measure, Start, TargetDate);

    private static Measure Measure(double target) => new("hours", 0, target, Aggregation.Sum);
}
