using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Receta.Core.Breaks;
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

    [Fact]
    public void Compute_SkipInsideTheWindowOfAThreePerWeekHabit_WindowReachesAnEarlierCheck()
    {
        // Unskipped, Mar 8's window (Mar 2–8) holds 2 checks: met Mar 5–7 only. With Mar 2 skipped, the window of
        // Mar 8 is its 7 most recent counted days, Mar 1 and 3–8, holding all 3: met Mar 5–8.
        DateOnly[] checks = [D("2025-03-01"), D("2025-03-03"), D("2025-03-05")];

        var plain = HabitCalculator.Compute(ThreePerWeek, checks, D("2025-03-08"));
        var skipped = HabitCalculator.Compute(ThreePerWeek, checks, [D("2025-03-02")], ActiveDays.None, D("2025-03-08"));

        // v over Mar 1..8: 1/3,1/3,2/3,2/3,1,1,1,2/3 (17.62); skipped, over Mar 1, 3..8: 1/3,2/3,2/3,1,1,1,1 (17.87).
        Assert.Equal(new HabitReport(3, 3, 17.6), plain);
        Assert.Equal(new HabitReport(4, 4, 17.9), skipped);
    }

    [Fact]
    public void Compute_WorkedExample2WithMarch10And11Skipped_OneRunOfSeven()
    {
        // Counted days Mar 1–9 and 12–14. Windows of Mar 12 ({4..9, 12}) and Mar 13 ({5..9, 12, 13}) hold Mar 5, 8 and
        // 12: met Mar 5–9, 12, 13; Mar 14 ({6..9, 12..14}) holds 2, so the streak ends on Mar 13. Twelve steps of
        // v = 1/3,1/3,2/3,2/3,1,1,1,1,1,1,1,2/3: 28.21.
        var skips = new[] { D("2025-03-10"), D("2025-03-11") };

        var report = HabitCalculator.Compute(ThreePerWeek, Example2Checks, skips, ActiveDays.None, D("2025-03-14"));

        Assert.Equal(new HabitReport(7, 7, 28.2), report);
    }

    [Fact]
    public void Compute_DailyThroughABreak_StreakCarriesOver()
    {
        // Checked Mar 1–5 and 11–12, a break Mar 6–10: the counted days are all checked.
        var checks = Range("2025-03-01", 5).Concat(Range("2025-03-11", 2)).ToArray();
        var pause = Breaks(("2025-03-06", "2025-03-10"));

        var plain = HabitCalculator.Compute(Daily, checks, D("2025-03-12"));
        var report = HabitCalculator.Compute(Daily, checks, [], pause, D("2025-03-12"));

        // Seven steps of v = 1: 100 · (1 − m⁷) = 31.15; without the break five of v = 0 sit among them (26.23).
        Assert.Equal(new HabitReport(2, 5, 26.2), plain);
        Assert.Equal(new HabitReport(7, 7, 31.1), report);
        Assert.Equal(HabitCalculator.Compute(Daily, Range("2025-03-01", 7), D("2025-03-07")), report);
    }

    [Fact]
    public void Compute_DailyThroughSkips_SameAsThroughABreak()
    {
        var checks = Range("2025-03-01", 5).Concat(Range("2025-03-11", 2)).ToArray();

        var skipped = HabitCalculator.Compute(Daily, checks, Range("2025-03-06", 5), ActiveDays.None, D("2025-03-12"));
        var paused = HabitCalculator.Compute(Daily, checks, [], Breaks(("2025-03-06", "2025-03-10")), D("2025-03-12"));

        Assert.Equal(new HabitReport(7, 7, 31.1), skipped);
        Assert.Equal(paused, skipped);
    }

    [Fact]
    public void Compute_CheckOnABreakDay_Counts()
    {
        // A break Mar 3–5 with a check on Mar 4: the counted days Mar 1, 2, 4 and 6 are all checked.
        DateOnly[] checks = [D("2025-03-01"), D("2025-03-02"), D("2025-03-04"), D("2025-03-06")];

        var report = HabitCalculator.Compute(Daily, checks, [], Breaks(("2025-03-03", "2025-03-05")), D("2025-03-06"));

        Assert.Equal(HabitCalculator.Compute(Daily, Range("2025-03-01", 4), D("2025-03-04")), report);
        Assert.Equal(4, report.CurrentStreak);
    }

    [Fact]
    public void Compute_AsOfASkippedDay_StreakEndsOnTheCountedDayBefore()
    {
        // Mar 5, the day judged, is skipped: e is Mar 4, met, so the streak is Mar 1–4 and stays alive, and the score
        // takes four steps of v = 1 (19.22) instead of the unskipped day's fifth of v = 0 (18.21).
        var report = HabitCalculator.Compute(Daily, Range("2025-03-01", 4), [D("2025-03-05")], ActiveDays.None, D("2025-03-05"));

        Assert.Equal(new HabitReport(4, 4, 19.2), report);
        Assert.Equal(HabitCalculator.Compute(Daily, Range("2025-03-01", 4), D("2025-03-04")), report);
    }

    [Fact]
    public void Compute_AsOfASkippedDayAfterAMiss_StreakEndsOnTheCountedDayBeforeTheMiss()
    {
        // Checked Mar 1–3, Mar 4 missed, Mar 5 skipped: e is Mar 4, not met, so the streak ends on Mar 3. Without the
        // skip neither Mar 5 nor Mar 4 is met and there is no streak.
        var checks = Range("2025-03-01", 3);

        Assert.Equal(3, HabitCalculator.Compute(Daily, checks, [D("2025-03-05")], ActiveDays.None, D("2025-03-05")).CurrentStreak);
        Assert.Equal(0, HabitCalculator.Compute(Daily, checks, D("2025-03-05")).CurrentStreak);
    }

    [Fact]
    public void Compute_OverExcusedDays_StrengthAndStreaksUnchanged()
    {
        // A long break after Mar 4 leaves the score where Mar 4 left it, however long it lasts.
        var checks = Range("2025-03-01", 4);
        var asOfMarch4 = HabitCalculator.Compute(Daily, checks, D("2025-03-04"));

        Assert.Equal(asOfMarch4, HabitCalculator.Compute(Daily, checks, [], Breaks(("2025-03-05", "2025-04-30")), D("2025-04-30")));
        Assert.Equal(asOfMarch4, HabitCalculator.Compute(Daily, checks, Range("2025-03-05", 20), ActiveDays.None, D("2025-03-24")));
    }

    [Fact]
    public void Compute_WorkedExample2WithSkipsOnCheckedDaysAndBreaksOutside_Unchanged()
    {
        // A check wins over a skip or a break; skips before the first check and after the day judged do nothing.
        var skips = Example2Checks.Concat([D("2025-02-27"), D("2025-03-15")]);
        var pause = Breaks(("2025-02-01", "2025-02-28"), ("2025-03-12", "2025-03-12"), ("2025-03-15", "2025-03-20"));

        Assert.Equal(new HabitReport(0, 5, 28.8), HabitCalculator.Compute(ThreePerWeek, Example2Checks, skips, pause, D("2025-03-14")));
        Assert.Equal(new HabitReport(0, 5, 28.8), HabitCalculator.Compute(ThreePerWeek, Example2Checks, [], ActiveDays.None, D("2025-03-14")));
    }

    [Fact]
    public void Compute_SkippingAnUncheckedMetDay_CanShortenTheRun()
    {
        // Once a week of 1 per 2 days: checked Mar 1, 3, 5, 7, met Mar 1–8. Mar 4 is met though unchecked; skipping it
        // takes it out of the run, and the windows after it gain no check, so the run is one day shorter. A skip
        // therefore does not always help, which is why the property below holds only when n = p.
        DateOnly[] checks = [D("2025-03-01"), D("2025-03-03"), D("2025-03-05"), D("2025-03-07")];
        var oneInTwo = new HabitFrequency(1, 2);

        Assert.Equal(8, HabitCalculator.Compute(oneInTwo, checks, D("2025-03-08")).BestStreak);
        Assert.Equal(7, HabitCalculator.Compute(oneInTwo, checks, [D("2025-03-04")], ActiveDays.None, D("2025-03-08")).BestStreak);
    }

    [Property(MaxTest = 300)]
    public Property Compute_NoSkipsNoBreaks_EqualsTheCalendarDayComputation() =>
        Prop.ForAll(HabitScenario.Arbitrary(), scenario =>
        {
            var expected = CalendarDays(scenario.Frequency, scenario.Checks, scenario.AsOf);
            Assert.Equal(expected, HabitCalculator.Compute(scenario.Frequency, scenario.Checks, scenario.AsOf));
            Assert.Equal(expected, HabitCalculator.Compute(scenario.Frequency, scenario.Checks, [], ActiveDays.None, scenario.AsOf));
        });

    [Property(MaxTest = 500)]
    public Property Compute_WithSkipsAndBreaks_EqualsTheDefinitionOnCountedDays() =>
        Prop.ForAll(HabitScenario.Arbitrary(), scenario =>
            Assert.Equal(CountedDays(scenario), scenario.Compute()));

    [Property(MaxTest = 300)]
    public Property Compute_EveryDayOfThePeriodRequired_ExcusingUncheckedDaysNeverLowersAStreak() =>
        Prop.ForAll(HabitScenario.Arbitrary(), scenario =>
        {
            // With n = p an unchecked day is never met, so it is in no run and excusing it cannot break one.
            var strict = scenario with { Frequency = new HabitFrequency(scenario.Frequency.PerDays, scenario.Frequency.PerDays) };
            var excused = strict.Compute();
            var plain = HabitCalculator.Compute(strict.Frequency, strict.Checks, strict.AsOf);
            Assert.True(excused.CurrentStreak >= plain.CurrentStreak, $"current {excused.CurrentStreak} < {plain.CurrentStreak}");
            Assert.True(excused.BestStreak >= plain.BestStreak, $"best {excused.BestStreak} < {plain.BestStreak}");
        });

    [Property(MaxTest = 300)]
    public Property Compute_AsOfAnExcusedDay_SameAsTheDayBefore() =>
        Prop.ForAll(HabitScenario.Arbitrary(), scenario =>
        {
            var a = scenario.AsOf;
            var excused = !scenario.Checks.Contains(a) && (scenario.Skips.Contains(a) || !scenario.Breaks.IsActive(a));
            var before = scenario with { AsOf = a.AddDays(-1) };
            return (scenario.Compute() == before.Compute()).When(excused);
        });

    [Property(MaxTest = 300)]
    public Property Compute_SkipsOnCheckedDays_ChangeNothing() =>
        Prop.ForAll(HabitScenario.Arbitrary(), scenario =>
            Assert.Equal(
                HabitCalculator.Compute(scenario.Frequency, scenario.Checks, scenario.Skips.Except(scenario.Checks), scenario.Breaks, scenario.AsOf),
                HabitCalculator.Compute(scenario.Frequency, scenario.Checks, scenario.Skips.Concat(scenario.Checks), scenario.Breaks, scenario.AsOf)));

    [Theory]
    [InlineData(0, 7)]
    [InlineData(8, 7)]
    [InlineData(1, 32)]
    public void HabitFrequency_OutsideOneToThirtyOne_Throws(int times, int perDays) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HabitFrequency(times, perDays));

    [Fact]
    public void HabitFrequency_ThirtyOneOfThirtyOne_Allowed() => Assert.Equal(31, new HabitFrequency(31, 31).Times);

    private static DateOnly[] Range(string first, int days) => [.. Enumerable.Range(0, days).Select(i => D(first).AddDays(i))];

    private static ActiveDays Breaks(params (string From, string To)[] breaks) =>
        new(breaks.Select(b => new DateRange(D(b.From), D(b.To))));

    // §5 as it read before Part two, day by calendar day: the computation every habit without skips or breaks keeps.
    private static HabitReport CalendarDays(HabitFrequency frequency, IEnumerable<DateOnly> checks, DateOnly asOf)
    {
        var a = asOf.DayNumber;
        var days = checks.Select(c => c.DayNumber).Where(d => d <= a).Distinct().Order().ToArray();
        if (days.Length == 0)
        {
            return new HabitReport(0, 0, 0);
        }
        var n = frequency.Times;
        var p = frequency.PerDays;
        var m = Math.Pow(0.5, Math.Sqrt((double)n / p) / 13);
        var score = 0.0;
        var run = 0;
        var best = 0;
        var runToYesterday = 0;
        for (var day = days[0]; day <= a; day++)
        {
            var inWindow = days.Count(d => d > day - p && d <= day);
            run = inWindow >= n ? run + 1 : 0;
            best = Math.Max(best, run);
            score = (score * m) + (Math.Min(1, (double)inWindow / n) * (1 - m));
            if (day == a - 1)
            {
                runToYesterday = run;
            }
        }
        return new HabitReport(run > 0 ? run : runToYesterday, best, Rounding.ToTenth(100 * score));
    }

    // Part two's rules read literally: list the counted days, then judge each by its p most recent counted days.
    private static HabitReport CountedDays(HabitScenario scenario)
    {
        var checks = scenario.Checks.Where(c => c <= scenario.AsOf).ToHashSet();
        if (checks.Count == 0)
        {
            return new HabitReport(0, 0, 0);
        }
        var skips = scenario.Skips.ToHashSet();
        var counted = new List<DateOnly>();
        for (var day = checks.Min(); day <= scenario.AsOf; day = day.AddDays(1))
        {
            if (checks.Contains(day) || (!skips.Contains(day) && scenario.Breaks.IsActive(day)))
            {
                counted.Add(day);
            }
        }
        var n = scenario.Frequency.Times;
        var p = scenario.Frequency.PerDays;
        var m = Math.Pow(0.5, Math.Sqrt((double)n / p) / 13);
        var windows = counted.Select((_, i) => counted.Skip(Math.Max(0, i - p + 1)).Take(Math.Min(p, i + 1)).Count(checks.Contains)).ToArray();
        var runs = new int[counted.Count];
        for (var i = 0; i < counted.Count; i++)
        {
            runs[i] = windows[i] >= n ? (i > 0 ? runs[i - 1] : 0) + 1 : 0;
        }
        var e = counted.Count - 1;
        var current = runs[e] > 0 ? runs[e] : e > 0 ? runs[e - 1] : 0;
        var score = windows.Aggregate(0.0, (s, w) => (s * m) + (Math.Min(1, (double)w / n) * (1 - m)));
        return new HabitReport(current, runs.Max(), Rounding.ToTenth(100 * score));
    }
}
