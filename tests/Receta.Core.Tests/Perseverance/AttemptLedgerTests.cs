using Receta.Core.Perseverance;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Perseverance;

public sealed class AttemptLedgerTests
{
    [Fact]
    public void Number_SameDate_CreationOrder()
    {
        var statistics = AttemptLedger.Number(
        [
            new AttemptRecord("c", D("2025-03-01"), 5, AttemptOutcome.Pending, null),
            new AttemptRecord("b", D("2025-03-01"), 2, AttemptOutcome.Failed, "Study the oral part"),
            new AttemptRecord("a", D("2025-02-01"), 9, AttemptOutcome.Failed, "Start earlier"),
        ]);

        Assert.Equal([("a", 1), ("b", 2), ("c", 3)], statistics.Items.Select(i => (i.Attempt.Id, i.Number)));
        Assert.Equal(3, statistics.Total);
        Assert.Equal(0, statistics.Succeeded);
        Assert.Equal(2, statistics.Failed);
        Assert.Equal(1, statistics.Pending);
        Assert.Null(statistics.AttemptsToFirstSuccess);
    }

    [Fact]
    public void Number_TwelfthApplicationSucceeds_TwelveAttemptsToFirstSuccess()
    {
        var applications = Enumerable.Range(1, 12).Select(year => new AttemptRecord(
            $"nasa-{year}", new DateOnly(1988 + year, 6, 1), year, year < 12 ? AttemptOutcome.Failed : AttemptOutcome.Succeeded, "A lesson"));

        var statistics = AttemptLedger.Number(applications.Reverse());

        Assert.Equal(12, statistics.AttemptsToFirstSuccess);
        Assert.Equal(11, statistics.Failed);
        Assert.Equal(1, statistics.Succeeded);
        Assert.Equal("nasa-1", statistics.Items[0].Attempt.Id);
    }

    [Fact]
    public void Number_TwoSuccesses_CountsToTheFirst()
    {
        var statistics = AttemptLedger.Number(
        [
            new AttemptRecord("x", D("2025-05-01"), 1, AttemptOutcome.Succeeded, null),
            new AttemptRecord("y", D("2025-04-01"), 2, AttemptOutcome.Succeeded, null),
            new AttemptRecord("z", D("2025-03-01"), 3, AttemptOutcome.Failed, "Lesson"),
        ]);

        Assert.Equal(2, statistics.AttemptsToFirstSuccess);
    }

    [Fact]
    public void Number_None_EmptyStatistics()
    {
        var statistics = AttemptLedger.Number([]);

        Assert.Equal(0, statistics.Total);
        Assert.Empty(statistics.Items);
        Assert.Null(statistics.AttemptsToFirstSuccess);
    }
}
