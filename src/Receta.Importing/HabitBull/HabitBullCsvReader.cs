using System.Globalization;
using nietras.SeparatedValues;
using Receta.Importing.Reading;

namespace Receta.Importing.HabitBull;

/// <summary>
/// Reads HabitBull's CSV export (formats.md §6): one row per habit and day, header
/// <c>HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText</c>. Every habit
/// becomes a daily habit of one goal "HabitBull", done on each date whose value is above 0.
/// </summary>
public static class HabitBullCsvReader
{
    private const string UntitledHabit = "Untitled habit";

    // HabitBull writes either, depending on the phone; both are read the same everywhere.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy"];

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var bundle = new ImportBundle();
        var problems = bundle.Problems;
        var habits = new Dictionary<string, HabitDays>(StringComparer.Ordinal);
        try
        {
            using var csv = CsvText.Open(File.OpenRead(path));
            ReadRows(csv, habits, problems, context.CancellationToken);
        }
        catch (CsvRowTooLongException exception)
        {
            problems.Error(ImportTexts.AtLine.With(exception.Line), exception.Message);
        }
        if (problems.HasErrors || habits.Count == 0)
        {
            return bundle;
        }

        var goal = new ImportedGoal { Key = "habitbull", Title = "HabitBull" };
        foreach (var (key, habit) in habits)
        {
            var imported = new ImportedHabit
            {
                Key = key,
                Title = ImportRules.Title(key, UntitledHabit, problems),
                Times = 1,
                PerDays = 1,
            };
            imported.Checks.AddRange(habit.Checks.Order());
            goal.Habits.Add(imported);
        }
        bundle.Goals.Add(goal);
        return bundle;
    }

    private static void ReadRows(SepReader csv, Dictionary<string, HabitDays> habits, ImportProblems problems, CancellationToken cancellationToken)
    {
        Columns? columns = null;
        // Sep numbers a headerless file's first row wrongly; each row starts where the one before ended.
        var line = 1;
        foreach (var row in csv)
        {
            var at = line;
            line = row.LineNumberToExcl;
            if ((row.RowIndex & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (columns is null)
            {
                columns = Columns.Find(row);
                if (columns is null)
                {
                    problems.Error(ImportTexts.AtLine.With(at), ImportTexts.HabitBullHeader);
                    return;
                }
                continue;
            }
            if (CsvText.IsBlank(row))
            {
                continue;
            }
            var place = ImportTexts.AtLine.With(at);
            if (row.ColCount < columns.Count)
            {
                problems.Error(place, ImportTexts.RowFieldCount.With(row.ColCount, columns.Count));
                continue;
            }
            // The name is the habit's identity, so " Run" and "Run" are one habit, as a reader sees them.
            var name = row[columns.Name].Span.Trim();
            if (name.IsEmpty)
            {
                problems.Error($"{place}, HabitName", ImportTexts.HabitNoName);
                continue;
            }
            var dateText = row[columns.Date].Span;
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Error($"{place}, CalendarDate", ImportTexts.HabitBullDate.With(CsvText.Quote(dateText)));
                continue;
            }
            if (!ImportRules.CheckDate(date, $"{place}, CalendarDate", problems))
            {
                continue;
            }
            var valueText = row[columns.Value].Span;
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                problems.Error($"{place}, Value", ImportTexts.NotANumber.With(CsvText.Quote(valueText)));
                continue;
            }
            if (!ImportRules.CheckValue(value, $"{place}, Value", problems))
            {
                continue;
            }

            var key = name.ToString();
            if (!habits.TryGetValue(key, out var habit))
            {
                habit = new HabitDays();
                habits.Add(key, habit);
            }
            // 0 is "not done"; HabitBull also writes garbage such as -2150000000, which is not done either.
            if (value > 0)
            {
                habit.Checks.Add(date);
            }
        }
        if (columns is null)
        {
            problems.Error(ImportTexts.AtLine.With(1), ImportTexts.FileEmpty);
        }
    }

    /// <summary>A habit's checked dates, each once however often HabitBull lists it.</summary>
    private sealed class HabitDays
    {
        public HashSet<DateOnly> Checks { get; } = [];
    }

    private sealed record Columns(int Name, int Date, int Value, int Count)
    {
        public static Columns? Find(SepReader.Row header)
        {
            var names = CsvText.Names(header);
            var name = Array.IndexOf(names, "HabitName");
            var date = Array.IndexOf(names, "CalendarDate");
            var value = Array.IndexOf(names, "Value");
            return name >= 0 && date >= 0 && value >= 0 ? new Columns(name, date, value, names.Length) : null;
        }
    }
}
