using FsCheck;
using FsCheck.Fluent;
using Receta.Core.Breaks;
using Receta.Core.Work;

namespace Receta.Core.Tests.Work;

/// <summary>A random habit for property tests: about two months of checks, skips and breaks from 2025-03-01.</summary>
internal sealed record HabitScenario(
    HabitFrequency Frequency, IReadOnlyList<DateOnly> Checks, IReadOnlyList<DateOnly> Skips, ActiveDays Breaks, DateOnly AsOf)
{
    private const int Span = 60;

    private static readonly DateOnly Origin = new(2025, 3, 1);

    public HabitReport Compute() => HabitCalculator.Compute(Frequency, Checks, Skips, Breaks, AsOf);

    public override string ToString() =>
        $"{Frequency.Times}/{Frequency.PerDays} as of {AsOf:MM-dd}, checks [{Days(Checks)}], skips [{Days(Skips)}], " +
        $"breaks [{string.Join(", ", Breaks.Breaks.Select(b => $"{b.From:MM-dd}..{b.To:MM-dd}"))}]";

    public static Arbitrary<HabitScenario> Arbitrary() => Generator().ToArbitrary();

    public static Gen<HabitScenario> Generator() =>
        from perDays in Gen.Frequency((6, Gen.Choose(1, 7)), (1, Gen.Choose(8, 31)))
        from times in Gen.Choose(1, perDays)
        from marks in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(Mark.Check)), (3, Gen.Constant(Mark.None)), (2, Gen.Constant(Mark.Skip)), (1, Gen.Constant(Mark.Both))), Span)
        from breaks in Gen.ListOf(Gen.Choose(-5, Span).SelectMany(start => Gen.Choose(0, 8).Select(length => (From: start, To: start + length))))
        from asOf in Gen.Choose(-3, Span + 10)
        select new HabitScenario(
            new HabitFrequency(times, perDays),
            [.. Dated(marks, Mark.Check)],
            [.. Dated(marks, Mark.Skip)],
            new ActiveDays(Apart(breaks).Select(b => new DateRange(Origin.AddDays(b.From), Origin.AddDays(b.To)))),
            Origin.AddDays(asOf));

    private enum Mark
    {
        None,
        Check,
        Skip,

        // Both marks on a date: the API never stores it, but the calculator must still let the check win.
        Both,
    }

    private static IEnumerable<DateOnly> Dated(Mark[] marks, Mark mark) =>
        marks.Select((m, i) => (m, i)).Where(x => x.m == mark || x.m == Mark.Both).Select(x => Origin.AddDays(x.i));

    // Breaks of a goal never overlap: keep each that starts after the last one kept.
    private static IEnumerable<(int From, int To)> Apart(IEnumerable<(int From, int To)> breaks)
    {
        var last = int.MinValue;
        foreach (var b in breaks.OrderBy(b => b.From))
        {
            if (b.From > last)
            {
                last = b.To;
                yield return b;
            }
        }
    }

    private static string Days(IEnumerable<DateOnly> days) => string.Join(",", days.Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
}
