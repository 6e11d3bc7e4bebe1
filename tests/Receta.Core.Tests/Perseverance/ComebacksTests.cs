using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Perseverance;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Perseverance;

public sealed class ComebacksTests
{
    private static ComebackStatistics Measure(IEnumerable<AttemptRecord> attempts, params AppliedItem[] applied) =>
        Comebacks.Measure(AttemptLedger.Number(attempts).Items, applied);

    private static AttemptRecord Failed(string id, string date, long sequence) => new(id, D(date), sequence, AttemptOutcome.Failed, "A lesson");

    [Fact]
    public void Measure_FailedThenLater_DaysToTheNextNumberedAttempt()
    {
        var statistics = Measure([Failed("a", "2025-01-01", 1), Failed("b", "2025-01-11", 2), new("c", D("2025-03-02"), 3, AttemptOutcome.Succeeded, null)]);

        Assert.Equal([10, 50, null], statistics.Items.Select(i => i.ComebackDays));
        Assert.Equal(30, statistics.MedianComebackDays);
    }

    [Fact]
    public void Measure_SameDateAttempts_ZeroDaysInCreationOrder()
    {
        // b is created after a on the same day: a is numbered first and b follows it the same day.
        var statistics = Measure([Failed("b", "2025-05-01", 2), Failed("a", "2025-05-01", 1), Failed("c", "2025-05-04", 3)]);

        Assert.Equal([("a", 0), ("b", 3), ("c", (int?)null)], statistics.Items.Select(i => (i.Attempt.Attempt.Id, i.ComebackDays)));
    }

    [Fact]
    public void Measure_LastAttemptFailed_NoComebackYet()
    {
        var statistics = Measure([Failed("a", "2025-01-01", 1)]);

        Assert.Null(Assert.Single(statistics.Items).ComebackDays);
        Assert.Null(statistics.MedianComebackDays);
    }

    [Fact]
    public void Measure_FailedThenPending_PendingCountsAsTheComeback()
    {
        var statistics = Measure([Failed("a", "2025-01-01", 1), new("b", D("2025-01-08"), 2, AttemptOutcome.Pending, null)]);

        Assert.Equal([7, null], statistics.Items.Select(i => i.ComebackDays));
        Assert.Equal(7, statistics.MedianComebackDays);
    }

    [Fact]
    public void Measure_SucceededOrPendingFollowedByAnother_NullComeback()
    {
        var statistics = Measure(
        [
            new("a", D("2025-01-01"), 1, AttemptOutcome.Succeeded, null),
            new("b", D("2025-02-01"), 2, AttemptOutcome.Pending, null),
            Failed("c", "2025-03-01", 3),
        ]);

        Assert.Equal([null, null, null], statistics.Items.Select(i => i.ComebackDays));
        Assert.Null(statistics.MedianComebackDays);
    }

    [Fact]
    public void Median_OddCount_MiddleValue() => Assert.Equal(5, Comebacks.Median([9, 1, 5]));

    [Fact]
    public void Median_EvenCount_MeanOfTheMiddleTwo() => Assert.Equal(4.5, Comebacks.Median([10, 1, 4, 5]));

    [Fact]
    public void Median_None_Null() => Assert.Null(Comebacks.Median([]));

    [Fact]
    public void Median_TwoHugeCounts_DoesNotOverflow() => Assert.Equal(int.MaxValue, Comebacks.Median([int.MaxValue, int.MaxValue]));

    [Fact]
    public void Measure_NoLinks_NothingApplied()
    {
        var statistics = Measure([Failed("a", "2025-01-01", 1), Failed("b", "2025-02-01", 2)]);

        Assert.All(statistics.Items, i => Assert.Empty(i.AppliedIn));
        Assert.Equal(0, statistics.LessonsApplied);
    }

    [Fact]
    public void Measure_ItemsOfBothKinds_InCreationOrderUnderTheirAttempt()
    {
        var statistics = Measure(
            [Failed("a", "2025-01-01", 1), Failed("b", "2025-02-01", 2)],
            new AppliedItem(AppliedKind.Skill, "s2", 9, "a"),
            new AppliedItem(AppliedKind.Milestone, "m1", 4, "a"),
            new AppliedItem(AppliedKind.Skill, "s1", 6, "a"));

        Assert.Equal([(AppliedKind.Milestone, "m1"), (AppliedKind.Skill, "s1"), (AppliedKind.Skill, "s2")],
            statistics.Items[0].AppliedIn.Select(i => (i.Kind, i.Id)));
        Assert.Empty(statistics.Items[1].AppliedIn);
        Assert.Equal(1, statistics.LessonsApplied);
    }

    [Fact]
    public void Measure_LessonOfASuccessApplied_NotALessonAppliedAfterFailure()
    {
        var statistics = Measure(
            [Failed("a", "2025-01-01", 1), new("b", D("2025-02-01"), 2, AttemptOutcome.Succeeded, "Keep it up")],
            new AppliedItem(AppliedKind.Skill, "s", 3, "b"));

        Assert.Single(statistics.Items[1].AppliedIn);
        Assert.Equal(0, statistics.LessonsApplied);
    }

    [Fact]
    public void Measure_ItemOfAnAttemptNotListed_LeftOut()
    {
        var statistics = Measure([Failed("a", "2025-01-01", 1)], new AppliedItem(AppliedKind.Milestone, "m", 2, "later"));

        Assert.Empty(Assert.Single(statistics.Items).AppliedIn);
        Assert.Equal(0, statistics.LessonsApplied);
    }

    [Property(MaxTest = 300)]
    public Property Measure_RandomAttempts_ComebacksFollowTheNumbering() =>
        Prop.ForAll(Attempts().ToArbitrary(), attempts =>
        {
            var numbered = AttemptLedger.Number(attempts).Items;
            var statistics = Comebacks.Measure(numbered, []);
            var comebacks = statistics.Items.Select(i => i.ComebackDays).ToList();

            for (var i = 0; i < numbered.Count; i++)
            {
                var expectComeback = numbered[i].Attempt.Outcome == AttemptOutcome.Failed && i < numbered.Count - 1;
                Assert.Equal(expectComeback, comebacks[i] is not null);
                Assert.True(comebacks[i] is null or >= 0);
            }
            var known = comebacks.OfType<int>().ToList();
            if (known.Count == 0)
            {
                Assert.Null(statistics.MedianComebackDays);
            }
            else
            {
                Assert.InRange(statistics.MedianComebackDays!.Value, known.Min(), known.Max());
                var median = statistics.MedianComebackDays.Value;
                Assert.True(2 * known.Count(d => d <= median) >= known.Count && 2 * known.Count(d => d >= median) >= known.Count);
            }
            // When every attempt failed, the comebacks add up to the whole span of the attempts.
            if (numbered.Count > 0 && numbered.All(n => n.Attempt.Outcome == AttemptOutcome.Failed))
            {
                Assert.Equal(numbered[^1].Attempt.Date.DayNumber - numbered[0].Attempt.Date.DayNumber, known.Sum());
            }
        });

    private static Gen<AttemptRecord[]> Attempts()
    {
        var first = D("2025-01-01");
        var attempt = Gen.Choose(0, 20).SelectMany(day => Gen.Elements(AttemptOutcome.Failed, AttemptOutcome.Failed, AttemptOutcome.Pending, AttemptOutcome.Succeeded)
            .Select(outcome => (Day: day, Outcome: outcome)));
        return Gen.ArrayOf(attempt).Select(items => items
            .Select((a, i) => new AttemptRecord($"attempt-{i}", first.AddDays(a.Day), i, a.Outcome, null)).ToArray());
    }
}
