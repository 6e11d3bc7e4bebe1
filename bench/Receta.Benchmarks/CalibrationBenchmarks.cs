using BenchmarkDotNet.Attributes;
using Receta.Core.Breaks;
using Receta.Core.Progress;
using Receta.Core.Purpose;

namespace Receta.Benchmarks;

/// <summary>
/// Calibration of a goal with two years of daily entries: 26 checks of 2,000 paths each. Issue 8 sets its budget at
/// 50 ms per goal; the web layer keeps the answer per goal version and day, so this is the cost of a cold view.
/// Noisy daily changes make every check simulate, and a break in the window shows its cost is the same.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private static readonly DateOnly Start = new(2023, 1, 1);
    private static readonly DateOnly AsOf = new(2024, 12, 31);

    private MeasureHistory _history = null!;
    private ActiveDays _summerOff = null!;

    [GlobalSetup]
    public void Setup()
    {
        var days = AsOf.DayNumber - Start.DayNumber + 1;
        // 0 to 4 a day, 2 on average: never achieved within the two years.
        var measure = new Measure("hours", 0, 10_000, Aggregation.Sum);
        _history = new MeasureHistory(measure, Enumerable.Range(0, days).Select(i => new MeasureEntry(Start.AddDays(i), i * 7 % 5, i)));
        _summerOff = new ActiveDays([new DateRange(new DateOnly(2024, 7, 1), new DateOnly(2024, 8, 15))]);
    }

    [Benchmark]
    public CalibrationReport TwoYearsDaily() =>
        ForecastCalibration.Compute("goal-calibration", AsOf, _history, _history.Measure, Start);

    [Benchmark]
    public CalibrationReport TwoYearsDailyWithABreak() =>
        ForecastCalibration.Compute("goal-calibration", AsOf, _history, _history.Measure, Start, _summerOff);
}
