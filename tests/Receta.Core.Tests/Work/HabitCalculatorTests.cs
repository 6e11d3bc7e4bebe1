using Receta.Core.Work;
using static Receta.Core.Tests.Days;

namespace Receta.Core.Tests.Work;

public sealed class HabitCalculatorTests
{
    private static readonly HabitFrequency ThreePerWeek = new(3, 7);
    private static readonly HabitFrequency Daily = new(1, 1);

    private static readonly DateOnly[] Example2Checks = [D("2025-03-01"), D("2025-03-03"), D("2025-03-05"), D("2025-03-08"), D("2025-03-12")];

    [Fact]
    public void Compute_WorkedExample2_FiveDayBestNoCurrent()
    {
        // Window counts Mar 1–14: 1,1,2,2,3,3,3,3,3,2,2,2,2,2: met Mar 5–9 only.
        var report = HabitCalculator.Compute(ThreePerWeek, Example2Checks, D("2025-03-14"));

        Assert.Equal(new HabitReport(0, 5, 28.8), report);
    }

    [Fact]
    public void Compute_WorkedExample2AsOfAMetDay_CurrentStreakEndsThere()
    {
        var report = HabitCalculator.Compute(ThreePerWeek, Example2Checks, D("2025-03-08"));

        Assert.Equal(4, report.CurrentStreak);
        Assert.Equal(4, report.BestStreak);
    }

    [Fact]
    public void Compute_LaterAndRepeatedChecks_Ignored()
    {
        var checks = Example2Checks.Concat([D("2025-03-05"), D("2025-03-12"), D("2025-03-15"), D("2025-03-20")]);

        Assert.Equal(new HabitReport(0, 5, 28.8), HabitCalculator.Compute(ThreePerWeek, checks, D("2025-03-14")));
    }

    [Fact]
    public void Compute_DailyWithAGap_RunsSplit()
    {
        // Met Mar 1–3 and 5–6; m = 0.5^(1/13), v = 1,1,1,0,1,1: strength 22.71.
        var report = HabitCalculator.Compute(Daily, [D("2025-03-01"), D("2025-03-02"), D("2025-03-03"), D("2025-03-05"), D("2025-03-06")], D("2025-03-06"));

        Assert.Equal(new HabitReport(2, 3, 22.7), report);
    }

    [Fact]
    public void Compute_TodayNotCheckedYet_StreakEndsYesterday()
    {
        // Met Mar 1–4, Mar 5 not (yet): strength 18.21.
        var report = HabitCalculator.Compute(Daily, [D("2025-03-01"), D("2025-03-02"), D("2025-03-03"), D("2025-03-04")], D("2025-03-05"));

        Assert.Equal(new HabitReport(4, 4, 18.2), report);
    }

    [Fact]
    public void Compute_NeitherTodayNorYesterday_NoStreak()
    {
        var report = HabitCalculator.Compute(Daily, [D("2025-03-01"), D("2025-03-02")], D("2025-03-04"));

        Assert.Equal(0, report.CurrentStreak);
        Assert.Equal(2, report.BestStreak);
    }

    [Fact]
    public void Compute_FirstCheckToday_StrengthOfOneDay()
    {
        // One day of v = 1: 100 · (1 − m) with m = 0.5^(1/13) = 0.948078: 5.19.
        var report = HabitCalculator.Compute(Daily, [D("2025-03-01")], D("2025-03-01"));

        Assert.Equal(new HabitReport(1, 1, 5.2), report);
    }

    [Fact]
    public void Compute_NoCheck_Zero() => Assert.Equal(new HabitReport(0, 0, 0), HabitCalculator.Compute(ThreePerWeek, [], D("2025-03-14")));

    [Fact]
    public void Compute_OnlyLaterChecks_Zero() =>
        Assert.Equal(new HabitReport(0, 0, 0), HabitCalculator.Compute(ThreePerWeek, [D("2025-04-01")], D("2025-03-14")));

    [Theory]
    [InlineData(0, 7)]
    [InlineData(8, 7)]
    [InlineData(1, 32)]
    public void HabitFrequency_OutsideOneToThirtyOne_Throws(int times, int perDays) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HabitFrequency(times, perDays));

    [Fact]
    public void HabitFrequency_ThirtyOneOfThirtyOne_Allowed() => Assert.Equal(31, new HabitFrequency(31, 31).Times);
}
