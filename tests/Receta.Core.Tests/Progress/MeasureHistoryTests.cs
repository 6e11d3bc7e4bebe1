using Receta.Core.Progress;
using Receta.Core.Purpose;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Progress;

public sealed class MeasureHistoryTests
{
    private static readonly Measure Weight = new("kg", 92, 80, Aggregation.Last);

    [Fact]
    public void ValueAsOf_LastWithTwoReadingsOnOneDate_LatestCreatedWins()
    {
        // Given out of order: the sequence, not the list position, says which came later.
        var history = new MeasureHistory(Weight,
        [
            new(D("2025-02-10"), 91.2, 7),
            new(D("2025-02-03"), 91.6, 1),
            new(D("2025-02-10"), 91.9, 5),
        ]);

        Assert.Equal(91.2, history.ValueAsOf(D("2025-02-10")));
        Assert.Equal(91.2, history.ValueAsOf(D("2025-02-12")));
        Assert.Equal(91.6, history.ValueAsOf(D("2025-02-09")));
    }

    [Fact]
    public void ValueAsOf_LastBeforeAnyReading_Start() =>
        Assert.Equal(92, new MeasureHistory(Weight, [new(D("2025-02-03"), 91.6, 1)]).ValueAsOf(D("2025-02-02")));

    [Fact]
    public void ValueAsOf_LastReadingWorseThanBefore_TakesTheReading()
    {
        var history = new MeasureHistory(Weight, [new(D("2025-02-03"), 90, 1), new(D("2025-02-04"), 93, 2)]);

        Assert.Equal(93, history.ValueAsOf(D("2025-02-04")));
    }

    [Fact]
    public void ValueAsOf_BestDoingLess_SmallestOfStartAndReadings()
    {
        var measure = new Measure("kg", 92, 80, Aggregation.Best);
        var history = new MeasureHistory(measure,
        [
            new(D("2025-02-01"), 93, 1),
            new(D("2025-02-02"), 91, 2),
            new(D("2025-02-03"), 90.5, 3),
            new(D("2025-02-04"), 95, 4),
        ]);

        Assert.Equal(92, history.ValueAsOf(D("2025-02-01")));
        Assert.Equal(91, history.ValueAsOf(D("2025-02-02")));
        Assert.Equal(90.5, history.ValueAsOf(D("2025-02-04")));
    }

    [Fact]
    public void ValueAsOf_BestDoingMore_LargestOfStartAndReadings()
    {
        var measure = new Measure("km", 5, 42, Aggregation.Best);
        var history = new MeasureHistory(measure, [new(D("2025-02-01"), 3, 1), new(D("2025-02-02"), 12, 2), new(D("2025-02-03"), 8, 3)]);

        Assert.Equal(5, history.ValueAsOf(D("2025-02-01")));
        Assert.Equal(12, history.ValueAsOf(D("2025-02-03")));
    }

    [Fact]
    public void ValueAsOf_Count_CountsEntriesIgnoringValues()
    {
        var measure = new Measure("applications", 2, 12, Aggregation.Count);
        var history = new MeasureHistory(measure,
        [
            new(D("2025-01-05"), null, 1),
            new(D("2025-01-05"), 7, 2),
            new(D("2025-01-09"), -3, 3),
        ]);

        Assert.Equal(2, history.ValueAsOf(D("2025-01-04")));
        Assert.Equal(4, history.ValueAsOf(D("2025-01-05")));
        Assert.Equal(5, history.ValueAsOf(D("2025-01-31")));
    }

    [Fact]
    public void ValueAsOf_SumWithMissingAndNegativeValues_AddsThemAsGiven()
    {
        var measure = new Measure("hours", 10, 100, Aggregation.Sum);
        var history = new MeasureHistory(measure,
        [
            new(D("2025-01-01"), 4, 1),
            new(D("2025-01-02"), null, 2),
            new(D("2025-01-03"), -1.5, 3),
        ]);

        Assert.Equal(14, history.ValueAsOf(D("2025-01-02")));
        Assert.Equal(12.5, history.ValueAsOf(D("2025-01-03")));
    }

    [Fact]
    public void ValueAsOf_DayOfAnEntry_IncludesIt()
    {
        var history = new MeasureHistory(new Measure("hours", 0, 10, Aggregation.Sum), [new(D("2025-01-05"), 3, 1)]);

        Assert.Equal(0, history.ValueAsOf(D("2025-01-04")));
        Assert.Equal(3, history.ValueAsOf(D("2025-01-05")));
    }

    [Fact]
    public void Summary_SeveralEntries_CountsAndBounds()
    {
        var history = new MeasureHistory(Weight,
        [
            new(D("2025-02-10"), 91.2, 7),
            new(D("2025-02-03"), 91.6, 1),
            new(D("2025-02-10"), 91.9, 5),
        ]);

        Assert.Equal(3, history.EntryCount);
        Assert.Equal(D("2025-02-03"), history.EarliestEntryDate);
        Assert.Equal(D("2025-02-10"), history.LatestEntryDate);
        Assert.Equal(D("2025-02-03"), history.LatestEntryDateAsOf(D("2025-02-09")));
        Assert.Null(history.LatestEntryDateAsOf(D("2025-02-02")));
    }

    [Fact]
    public void Constructor_NoEntries_StartEverywhere()
    {
        var history = new MeasureHistory(Weight, []);

        Assert.Equal(0, history.EntryCount);
        Assert.Null(history.LatestEntryDate);
        Assert.Equal(92, history.ValueAsOf(D("2025-02-10")));
    }

    [Fact]
    public void Constructor_ValueNotFinite_Throws() =>
        Assert.Throws<ArgumentException>(() => new MeasureHistory(Weight, [new(D("2025-02-10"), double.NaN, 1)]));
}
