using FsCheck;
using FsCheck.Fluent;
using Receta.Core.Breaks;
using Receta.Core.Progress;
using Receta.Core.Purpose;

namespace Receta.Core.Tests.Progress;

/// <summary>A random goal with a measure, for property tests: whole-number values, dates around 2025.</summary>
internal sealed record ProgressScenario(
    Measure Measure, DateOnly StartDate, DateOnly? TargetDate, IReadOnlyList<MeasureEntry> Entries, IReadOnlyList<Waypoint> Waypoints, DateOnly AsOf)
{
    private static readonly DateOnly Origin = new(2025, 1, 1);

    public ProgressReport Compute() => Compute(Entries);

    public ProgressReport Compute(IEnumerable<MeasureEntry> entries, ActiveDays? breaks = null) =>
        ProgressCalculator.Compute(
            new ProgressInput("property-goal", StartDate, TargetDate, Measure, new MeasureHistory(Measure, entries), Waypoints, 0, 0, breaks), AsOf);

    public override string ToString() =>
        $"{Measure}, d0 {StartDate:yyyy-MM-dd}, dT {TargetDate:yyyy-MM-dd}, as of {AsOf:yyyy-MM-dd}, " +
        $"entries [{string.Join(", ", Entries.Select(e => $"{e.Date:MM-dd}:{e.Value}"))}], waypoints [{string.Join(", ", Waypoints)}]";

    public static Arbitrary<ProgressScenario> Arbitrary() => Generator().ToArbitrary();

    public static Gen<ProgressScenario> Generator() =>
        from aggregation in Gen.Elements(Enum.GetValues<Aggregation>())
        from start in Gen.Choose(-20, 20)
        from distance in Gen.Choose(1, 200)
        from down in Gen.Elements(true, false)
        let target = aggregation != Aggregation.Count && down ? start - distance : start + distance
        from hasTarget in Gen.Elements(true, true, false)
        from targetDay in Gen.Choose(1, 300)
        from entries in Gen.ListOf(Entry(start, target))
        from waypoints in Gen.ListOf(Gen.Choose(-5, 310).SelectMany(day => Gen.Choose(Math.Min(start, target) - 20, Math.Max(start, target) + 20)
            .SelectMany(value => Gen.Choose(0, 1000).Select(sequence => new Waypoint(Origin.AddDays(day), value, sequence)))))
        from asOf in Gen.Choose(-10, 330)
        select new ProgressScenario(
            new Measure("units", start, target, aggregation),
            Origin,
            hasTarget ? Origin.AddDays(targetDay) : null,
            entries.Select((e, i) => e with { Sequence = i }).ToList(),
            waypoints.Take(4).ToList(),
            Origin.AddDays(asOf));

    private static Gen<MeasureEntry> Entry(int start, int target) =>
        from day in Gen.Choose(-30, 320)
        from value in Gen.Frequency(
            (1, Gen.Constant<double?>(null)),
            (6, Gen.Choose(Math.Min(start, target) - 10, Math.Max(start, target) + 10).Select(v => (double?)v)),
            (6, Gen.Choose(-3, 8).Select(v => (double?)v)))
        select new MeasureEntry(Origin.AddDays(day), value, 0);
}
