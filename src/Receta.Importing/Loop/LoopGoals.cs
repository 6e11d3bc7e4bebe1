using System.Globalization;
using Receta.Core.Purpose;

namespace Receta.Importing.Loop;

/// <summary>
/// Turns Loop's habits, from either export, into Receta's (connections.md §1, loop-csv and
/// loop-db): every yes/no habit under one goal "Loop Habit Tracker", each numerical habit a goal
/// of its own with a summed measure. Errors leave the bundle with nothing but its problems.
/// </summary>
internal sealed class LoopGoals(ImportContext context)
{
    private const string UntitledHabit = "Untitled habit";
    private const int DaysInYear = 365;

    private readonly ImportedGoal habitsGoal = new() { Key = "loop", Title = "Loop Habit Tracker" };
    private readonly List<ImportedGoal> numericalGoals = [];

    public ImportBundle Bundle { get; } = new();

    private ImportProblems Problems => Bundle.Problems;

    /// <summary>
    /// Adds a habit with its days, each date at most once; <paramref name="valuePlace"/> names the
    /// value of the line or row a day came from.
    /// </summary>
    public void Add(LoopHabit habit, IReadOnlyList<LoopDay> days, Func<long, string> valuePlace)
    {
        var type = habit.Type;
        var title = ImportRules.Title(habit.Name, UntitledHabit, Problems);
        if (type == LoopHabitType.Unstated)
        {
            // Loop before 2.3.1 wrote no type, but a yes/no habit only ever holds -1 to 3.
            type = days.Any(day => !day.IsYesNoValue) ? LoopHabitType.Numerical : LoopHabitType.YesNo;
            if (type == LoopHabitType.Numerical)
            {
                Problems.Warn(ImportTexts.LoopReadAsNumerical.With(title));
            }
        }
        if (type == LoopHabitType.YesNo)
        {
            AddYesNo(habit, title, days, valuePlace);
        }
        else
        {
            AddNumerical(habit, title, days, valuePlace);
        }
    }

    /// <summary>The bundle: the habits' goal first when it has any, then the numerical goals; no goal at all after an error.</summary>
    public ImportBundle Finish()
    {
        if (!Problems.HasErrors)
        {
            if (habitsGoal.Habits.Count > 0)
            {
                Bundle.Goals.Add(habitsGoal);
            }
            Bundle.Goals.AddRange(numericalGoals);
        }
        return Bundle;
    }

    private void AddYesNo(LoopHabit habit, string title, IReadOnlyList<LoopDay> days, Func<long, string> valuePlace)
    {
        var (times, perDays) = Frequency(habit, title);
        var imported = new ImportedHabit { Key = habit.Key, Title = title, Times = times, PerDays = perDays };
        foreach (var day in days)
        {
            switch (day.Value)
            {
                case LoopDay.YesManual:
                    imported.Checks.Add(day.Date);
                    break;
                case LoopDay.Skip:
                    imported.Skips.Add(day.Date);
                    break;
                case LoopDay.YesAuto:
                    Problems.Ignore(ImportTexts.LoopYesAutoDays);
                    break;
                case LoopDay.No or LoopDay.Unknown:
                    break;
                default:
                    Problems.Error(valuePlace(day.Origin), ImportTexts.LoopNotYesNoValue.With(day.Value));
                    break;
            }
        }
        imported.Checks.Sort();
        imported.Skips.Sort();
        habitsGoal.Habits.Add(imported);
    }

    private void AddNumerical(LoopHabit habit, string title, IReadOnlyList<LoopDay> days, Func<long, string> valuePlace)
    {
        var entries = new List<ImportedEntry>();
        var sum = 0.0;
        foreach (var day in days)
        {
            if (day.Value == LoopDay.Skip)
            {
                Problems.Ignore(ImportTexts.LoopNumericalSkips);
                continue;
            }
            // 0 is NO and -1 UNKNOWN; Loop reads any other negative as 0 too.
            if (day.Value <= 0)
            {
                continue;
            }
            var amount = day.Value / 1000.0;
            if (!ImportRules.CheckValue(amount, valuePlace(day.Origin), Problems))
            {
                continue;
            }
            sum += amount;
            entries.Add(new ImportedEntry(string.Create(CultureInfo.InvariantCulture, $"{habit.Key}/{day.Date:yyyy-MM-dd}"), day.Date, amount, ImportRules.Note(day.Note, Problems)));
        }
        entries.Sort((left, right) => left.Date.CompareTo(right.Date));

        // Loop's target is per period of the frequency; kept for a year it is the goal's end.
        var periodDays = PeriodDays(habit, title);
        var periodsInYear = (DaysInYear + periodDays - 1) / periodDays;
        var target = habit.TargetValue * periodsInYear;
        if (!(target > 0))
        {
            target = sum > 0 ? sum : 1;
        }
        if (!ImportRules.CheckValue(target, $"{habit.Place}, target", Problems))
        {
            return;
        }

        var start = entries.Count > 0 ? entries[0].Date : context.Today;
        var end = start.AddYears(1);
        var goal = new ImportedGoal
        {
            Key = $"numerical:{habit.Key}",
            Title = title,
            Measure = new ImportedMeasure(ImportRules.Title(habit.Unit, "units", Problems), 0, target, Aggregation.Sum),
            StartDate = start,
            TargetDate = end <= ImportRules.LatestDate ? end : null,
        };
        goal.Entries.AddRange(entries);
        numericalGoals.Add(goal);
    }

    private (int Times, int PerDays) Frequency(LoopHabit habit, string title)
    {
        if (habit.Numerator is not { } times || habit.Denominator is not { } days || times <= 0 || days <= 0)
        {
            Problems.Warn(ImportTexts.LoopNoFrequency.With(title, habit.Numerator, habit.Denominator));
            return (1, 1);
        }
        var perDays = (int)Math.Min(days, ImportRules.MaxHabitPeriodDays);
        var timesInPeriod = (int)Math.Min(times, perDays);
        // Loop itself reads num == den as every day; Receta's habits also need times ≤ perDays ≤ 31.
        if (timesInPeriod == perDays)
        {
            (timesInPeriod, perDays) = (1, 1);
        }
        if (days > ImportRules.MaxHabitPeriodDays || times > days)
        {
            Problems.Warn(ImportTexts.LoopFrequencyCapped.With(title, Describe(times, days), ImportRules.MaxHabitPeriodDays, Describe(timesInPeriod, perDays)));
        }
        return (timesInPeriod, perDays);
    }

    private static string Describe(long times, long days) => (times, days) switch
    {
        (1, 1) => ImportTexts.EveryDay,
        (1, _) => ImportTexts.OnceInDays.With(days),
        _ => ImportTexts.TimesInDays.With(times, days),
    };

    private int PeriodDays(LoopHabit habit, string title)
    {
        if (habit.Denominator is { } days and > 0)
        {
            return (int)Math.Min(days, DaysInYear);
        }
        Problems.Warn(ImportTexts.LoopNoPeriod.With(title, habit.Denominator));
        return 1;
    }
}
