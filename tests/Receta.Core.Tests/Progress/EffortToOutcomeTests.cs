using Receta.Core.Breaks;
using Receta.Core.Progress;
using Receta.Core.Purpose;
using Receta.Core.Work;
using static Receta.Core.Tests.Days;
using static Receta.Core.Tests.Progress.ProgressCalculatorTests;

namespace Receta.Core.Tests.Progress;

public sealed class EffortToOutcomeTests
{
    private static readonly Measure Hundred = new("chapters", 0, 100, Aggregation.Sum);
    private static readonly DateOnly Jan1 = D("2025-01-01");
    private static readonly DateOnly Feb28 = D("2025-02-28");

    // Two hours of study for each chapter, one chapter a day from 2025-01-01 to 2025-02-28.
    private static readonly MeasureEntry[] Chapters = [.. Daily(Jan1, Feb28, 1)];
    private static readonly WorkHistory TwoHoursADay = new(Daily(Jan1, Feb28, 1).Select(e => new WorkSession(e.Date, 120)));

    private static ProgressReport ProgressOf(
        IEnumerable<MeasureEntry> entries, WorkHistory work, DateOnly asOf, double weeklyHours = 14, ActiveDays? breaks = null, Measure? measure = null)
    {
        var goalMeasure = measure ?? Hundred;
        return ProgressCalculator.Compute(new ProgressInput(
            "goal-1", Jan1, D("2025-04-11"), goalMeasure, new MeasureHistory(goalMeasure, entries), [], 0, 0, breaks, work, weeklyHours), asOf);
    }

    [Fact]
    public void Compute_StudyAndChapters_HoursPerChapterAndWhereThePlannedHoursLead()
    {
        var report = ProgressOf(Chapters, TwoHoursADay, Feb28);

        // 56 hours from 2025-01-31 (excluded) to 2025-02-28 bought 28 chapters; 41 are left at 2 hours a day.
        Assert.Equal(2, report.HoursPerUnit!.Value, 1e-12);
        Assert.Equal(82, report.HoursToFinish!.Value, 1e-12);
        Assert.Equal(D("2025-04-10"), report.FinishAtCapacity);
    }

    [Fact]
    public void FinishAtCapacity_BreakAhead_CountsActiveDaysOnly()
    {
        var report = ProgressOf(Chapters, TwoHoursADay, Feb28, breaks: new ActiveDays([new DateRange(D("2025-03-01"), D("2025-03-10"))]));

        Assert.Equal(D("2025-04-20"), report.FinishAtCapacity);
    }

    [Fact]
    public void FinishAtCapacity_LessThanADayLeft_IsTheNextDay()
    {
        var report = ProgressOf([.. Chapters, new MeasureEntry(Feb28, 40.9, 100)], TwoHoursADay, Feb28, weeklyHours: 168);

        Assert.Equal(D("2025-03-01"), report.FinishAtCapacity);
    }

    [Fact]
    public void Compute_NoWorkLogged_NoEffortNumbers()
    {
        var report = ProgressOf(Chapters, WorkHistory.None, Feb28);

        Assert.Null(report.HoursPerUnit);
        Assert.Null(report.HoursToFinish);
        Assert.Null(report.FinishAtCapacity);
    }

    [Fact]
    public void Compute_WorkWithoutProgress_NoEffortNumbers()
    {
        var report = ProgressOf(Daily(Jan1, D("2025-01-20"), 1), TwoHoursADay, Feb28);

        Assert.Null(report.HoursPerUnit);
        Assert.Null(report.FinishAtCapacity);
    }

    [Fact]
    public void Compute_WorkOutsideTheWindow_DoesNotCount()
    {
        var january = new WorkHistory(Daily(Jan1, D("2025-01-31"), 1).Select(e => new WorkSession(e.Date, 120)));

        Assert.Null(ProgressOf(Chapters, january, Feb28).HoursPerUnit);
    }

    [Fact]
    public void Compute_Achieved_CostKnownNothingLeft()
    {
        var report = ProgressOf([.. Chapters, new MeasureEntry(Feb28, 41, 100)], TwoHoursADay, Feb28);

        Assert.True(report.Achieved);
        Assert.Equal(56.0 / 69, report.HoursPerUnit!.Value, 1e-12);
        Assert.Null(report.HoursToFinish);
        Assert.Null(report.FinishAtCapacity);
    }

    [Fact]
    public void Compute_DoingLess_CountsProgressTowardTheTarget()
    {
        var weight = new Measure("kg", 92, 80, Aggregation.Last);
        MeasureEntry[] readings = [new(D("2025-01-31"), 90, 1), new(Feb28, 88, 2)];

        var report = ProgressOf(readings, TwoHoursADay, Feb28, measure: weight);

        // 56 hours for 2 kg; 8 kg to go.
        Assert.Equal(28, report.HoursPerUnit!.Value, 1e-12);
        Assert.Equal(224, report.HoursToFinish!.Value, 1e-12);
    }
}
