using System.Globalization;
using System.Text.Json;

namespace Receta.Importing.Habitica;

/// <summary>
/// The dailies and to-dos of one export, turned into habits and milestones as they are read. Check
/// dates wait for <see cref="Finish"/>: they need <c>preferences.dayStart</c>, which the file may hold
/// before or after its tasks.
/// </summary>
internal sealed class HabiticaTasks(ImportContext context, ImportProblems problems)
{
    // Mongoose's defaults for a daily whose export leaves them out (website/server/models/task.js).
    private const string DefaultFrequency = "weekly";
    private const double DefaultEveryX = 1;
    private static readonly string[] Weekdays = ["m", "t", "w", "th", "f", "s", "su"];

    private readonly List<PendingHabit> habits = [];
    private readonly List<ImportedMilestone> milestones = [];
    private readonly HashSet<string> dailyKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> todoKeys = new(StringComparer.Ordinal);
    private bool sawCompressedHistory;
    private int dayStart;

    /// <summary>Reads <c>preferences.dayStart</c>; false, with an error, when it is not an hour.</summary>
    public bool ReadPreferences(JsonElement preferences)
    {
        if (preferences.ValueKind != JsonValueKind.Object)
        {
            problems.Error("preferences", ImportTexts.HabiticaPreferencesNotObject.With(HabiticaJson.Describe(preferences.ValueKind)));
            return false;
        }
        if (!preferences.TryGetProperty("dayStart", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var hour) || hour is < 0 or > 23)
        {
            problems.Error("preferences, dayStart", ImportTexts.HabiticaDayStart);
            return false;
        }
        dayStart = hour;
        return true;
    }

    public void ReadDaily(JsonElement task, string where)
    {
        if (!IsTask(task, where, TaskKind.Daily) || !TryKey(task, where, dailyKeys, TaskKind.Daily, out var key))
        {
            return;
        }
        if (!TryText(task, "text", where, out var text)
            || !TryText(task, "frequency", where, out var frequency)
            || !TryWholeNumber(task, "everyX", where, out var everyX)
            || !TryWeekdays(task, where, out var weekdays))
        {
            return;
        }
        var (times, perDays, ignored) = Schedule(frequency ?? DefaultFrequency, everyX ?? DefaultEveryX, weekdays);
        if (ignored is not null)
        {
            problems.Ignore(ignored);
            return;
        }
        var ticks = new List<Tick>();
        if (!TryTicks(task, where, ticks))
        {
            return;
        }
        WarnOfDroppedNotes(task);
        habits.Add(new PendingHabit(key, ImportRules.Title(text, "Untitled daily", problems), times, perDays, where, ticks));
    }

    public void ReadTodo(JsonElement task, string where)
    {
        if (!IsTask(task, where, TaskKind.Todo) || !TryKey(task, where, todoKeys, TaskKind.Todo, out var key))
        {
            return;
        }
        if (!TryText(task, "text", where, out var text) || !TryBoolean(task, "completed", where, out var completed))
        {
            return;
        }
        var dueDate = DueDate(task, where, out var dueValid);
        DateOnly? completedOn = null;
        if (completed && !TryCompletedOn(task, where, out completedOn))
        {
            return;
        }
        if (!dueValid)
        {
            return;
        }
        WarnOfDroppedNotes(task);
        milestones.Add(new ImportedMilestone
        {
            Key = key,
            Title = ImportRules.Title(text, "Untitled to-do", problems),
            DueDate = dueDate,
            CompletedOn = completedOn,
        });
    }

    /// <summary>The goal that holds what was read, with each habit's checks on their Habitica days.</summary>
    public ImportedGoal Finish()
    {
        var built = new List<ImportedHabit>(habits.Count);
        DateOnly? first = null;
        foreach (var pending in habits)
        {
            var habit = new ImportedHabit { Key = pending.Key, Title = pending.Title, Times = pending.Times, PerDays = pending.PerDays };
            var days = new SortedSet<DateOnly>();
            foreach (var tick in pending.Ticks)
            {
                var day = DateOnly.FromDateTime(tick.Local);
                // Habitica's day runs from dayStart to dayStart: a tick before it belongs to the day before.
                if (tick.HasTime && tick.Local.Hour < dayStart)
                {
                    day = day.AddDays(-1);
                }
                if (ImportRules.CheckDate(day, Invariant($"{pending.Where}.history[{tick.Index}], date"), problems))
                {
                    days.Add(day);
                }
            }
            habit.Checks.AddRange(days);
            if (days.Count > 0)
            {
                first = Earlier(first, days.Min);
            }
            built.Add(habit);
        }
        foreach (var milestone in milestones)
        {
            if (milestone.CompletedOn is { } done)
            {
                first = Earlier(first, done);
            }
        }
        if (sawCompressedHistory)
        {
            problems.Warn(ImportTexts.HabiticaCompressedHistory);
        }

        var goal = new ImportedGoal { Key = "habitica", Title = "Habitica", StartDate = first };
        goal.Habits.AddRange(built);
        goal.Milestones.AddRange(milestones);
        return goal;
    }

    private static (int Times, int PerDays, string? Ignored) Schedule(string frequency, double everyX, bool[] weekdays)
    {
        double perDays;
        int times;
        switch (frequency)
        {
            case "daily":
                times = 1;
                perDays = everyX;
                break;
            case "weekly":
                times = weekdays.Count(on => on);
                perDays = 7 * everyX;
                break;
            case "monthly":
                return (0, 0, ImportTexts.HabiticaMonthlyIgnored);
            case "yearly":
                return (0, 0, ImportTexts.HabiticaYearlyIgnored);
            default:
                return (0, 0, ImportTexts.HabiticaUnknownFrequencyIgnored);
        }
        if (everyX < 1 || times == 0)
        {
            return (0, 0, ImportTexts.HabiticaNeverDueIgnored);
        }
        if (perDays > ImportRules.MaxHabitPeriodDays)
        {
            return (0, 0, ImportTexts.HabiticaTooRareIgnored);
        }
        return (times, (int)perDays, null);
    }

    // Only completed:true entries are days done. A completed:false entry is cron's note of a day not
    // done; an entry without "completed" is preening's average of a month or year, or pre-2018 data.
    private bool TryTicks(JsonElement task, string where, List<Tick> ticks)
    {
        if (!task.TryGetProperty("history", out var history) || history.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (history.ValueKind != JsonValueKind.Array)
        {
            problems.Error($"{where}, history", ImportTexts.HabiticaHistoryNotArray.With(HabiticaJson.Describe(history.ValueKind)));
            return false;
        }
        var valid = true;
        var index = -1;
        foreach (var entry in history.EnumerateArray())
        {
            index++;
            var at = Invariant($"{where}.history[{index}]");
            if (entry.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Error(at, ImportTexts.HabiticaHistoryEntryNotObject.With(HabiticaJson.Describe(entry.ValueKind)));
                valid = false;
                continue;
            }
            if (!entry.TryGetProperty("completed", out var completed) || completed.ValueKind == JsonValueKind.Null)
            {
                sawCompressedHistory = true;
                continue;
            }
            if (completed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Error($"{at}, completed", ImportTexts.HabiticaNotBoolean.With("completed", HabiticaJson.Describe(completed.ValueKind)));
                valid = false;
                continue;
            }
            if (completed.ValueKind == JsonValueKind.False)
            {
                continue;
            }
            if (!entry.TryGetProperty("date", out var date)
                || !HabiticaDates.TryReadLocal(date, context.Zone, out var local, out var hasTime))
            {
                problems.Error($"{at}, date", ImportTexts.HabiticaCompletedDayTime);
                valid = false;
                continue;
            }
            ticks.Add(new Tick(local, hasTime, index));
        }
        return valid;
    }

    // Due dates were once free text; one that is not a date is dropped, not an error. Valid is false
    // only for a real date outside 1900–2999.
    private DateOnly? DueDate(JsonElement task, string where, out bool valid)
    {
        valid = true;
        if (!task.TryGetProperty("date", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var text = "";
        if (value.ValueKind == JsonValueKind.String && HabiticaJson.TryGetText(value, out text) && string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || !HabiticaDates.TryParseLocal(text, context.Zone, out var local, out _))
        {
            problems.Warn(ImportTexts.HabiticaUnreadableDueDate);
            return null;
        }
        var date = DateOnly.FromDateTime(local);
        valid = ImportRules.CheckDate(date, $"{where}, date", problems);
        return valid ? date : null;
    }

    private bool TryCompletedOn(JsonElement task, string where, out DateOnly? completedOn)
    {
        completedOn = null;
        if (task.TryGetProperty("dateCompleted", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            if (!HabiticaDates.TryReadLocal(value, context.Zone, out var local, out _))
            {
                problems.Error($"{where}, dateCompleted", ImportTexts.HabiticaCompletionDate);
                return false;
            }
            var date = DateOnly.FromDateTime(local);
            completedOn = date;
            return ImportRules.CheckDate(date, $"{where}, dateCompleted", problems);
        }
        // A to-do done before Habitica kept dateCompleted has none; its last change is the likeliest day.
        problems.Warn(ImportTexts.HabiticaCompletedWithoutDate);
        completedOn = context.Today;
        if (task.TryGetProperty("updatedAt", out var updatedAt)
            && HabiticaDates.TryReadLocal(updatedAt, context.Zone, out var changed, out _)
            && DateOnly.FromDateTime(changed) is var changedOn
            && changedOn >= ImportRules.EarliestDate
            && changedOn <= ImportRules.LatestDate)
        {
            completedOn = changedOn;
        }
        return true;
    }

    private bool IsTask(JsonElement task, string where, TaskKind kind)
    {
        if (task.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        problems.Error(where, kind.NotObject.With(HabiticaJson.Describe(task.ValueKind)));
        return false;
    }

    // Habitica writes the task's uuid twice, as _id and as the virtual id; either will do.
    private bool TryKey(JsonElement task, string where, HashSet<string> seen, TaskKind kind, out string key)
    {
        key = "";
        foreach (var name in (ReadOnlySpan<string>)["id", "_id"])
        {
            if (!task.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (value.ValueKind != JsonValueKind.String || !HabiticaJson.TryGetText(value, out var text) || string.IsNullOrWhiteSpace(text))
            {
                problems.Error($"{where}, {name}", kind.IdNotText.With(HabiticaJson.Describe(value.ValueKind)));
                return false;
            }
            key = text.Trim();
            if (!seen.Add(key))
            {
                problems.Error($"{where}, {name}", kind.IdTwice);
                return false;
            }
            return true;
        }
        problems.Error($"{where}, id", kind.NoId);
        return false;
    }

    // Absent and null both read as null; anything but a string is an error.
    private bool TryText(JsonElement task, string name, string where, out string? text)
    {
        text = null;
        if (!task.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind == JsonValueKind.String && HabiticaJson.TryGetText(value, out var read))
        {
            text = read;
            return true;
        }
        problems.Error(
            $"{where}, {name}",
            value.ValueKind == JsonValueKind.String
                ? ImportTexts.HabiticaNotUtf8.With(name)
                : ImportTexts.HabiticaNotText.With(name, HabiticaJson.Describe(value.ValueKind)));
        return false;
    }

    private bool TryBoolean(JsonElement task, string name, string where, out bool flag)
    {
        flag = false;
        if (!task.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            flag = value.ValueKind == JsonValueKind.True;
            return true;
        }
        problems.Error($"{where}, {name}", ImportTexts.HabiticaNotBoolean.With(name, HabiticaJson.Describe(value.ValueKind)));
        return false;
    }

    private bool TryWholeNumber(JsonElement task, string name, string where, out double? number)
    {
        number = null;
        if (!task.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var read) && double.IsFinite(read) && Math.Floor(read) == read)
        {
            number = read;
            return true;
        }
        var found = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : HabiticaJson.Describe(value.ValueKind);
        problems.Error($"{where}, {name}", ImportTexts.HabiticaNotWholeNumber.With(name, found));
        return false;
    }

    // A weekday left out of "repeat" (or "repeat" left out) is on, as Mongoose's default has it.
    private bool TryWeekdays(JsonElement task, string where, out bool[] weekdays)
    {
        weekdays = [true, true, true, true, true, true, true];
        if (!task.TryGetProperty("repeat", out var repeat) || repeat.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (repeat.ValueKind != JsonValueKind.Object)
        {
            problems.Error($"{where}, repeat", ImportTexts.HabiticaRepeatNotObject.With(HabiticaJson.Describe(repeat.ValueKind)));
            return false;
        }
        for (var day = 0; day < Weekdays.Length; day++)
        {
            if (!repeat.TryGetProperty(Weekdays[day], out var given) || given.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (given.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Error(
                    $"{where}, repeat.{Weekdays[day]}",
                    ImportTexts.HabiticaWeekdayNotBoolean.With(HabiticaJson.Describe(given.ValueKind)));
                return false;
            }
            weekdays[day] = given.ValueKind == JsonValueKind.True;
        }
        return true;
    }

    private void WarnOfDroppedNotes(JsonElement task)
    {
        var hasNotes = task.TryGetProperty("notes", out var notes)
            && notes.ValueKind == JsonValueKind.String
            && HabiticaJson.TryGetText(notes, out var text)
            && !string.IsNullOrWhiteSpace(text);
        var hasChecklist = task.TryGetProperty("checklist", out var checklist)
            && checklist.ValueKind == JsonValueKind.Array
            && checklist.GetArrayLength() > 0;
        if (hasNotes || hasChecklist)
        {
            problems.Warn(ImportTexts.HabiticaNotesDropped);
        }
    }

    private static DateOnly Earlier(DateOnly? current, DateOnly candidate) =>
        current is { } known && known < candidate ? known : candidate;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The errors about a daily or a to-do, each a text of its own: a language may word them differently (Spanish's genders).</summary>
    private sealed record TaskKind(string NotObject, string IdNotText, string IdTwice, string NoId)
    {
        public static TaskKind Daily => new(
            ImportTexts.HabiticaDailyNotObject, ImportTexts.HabiticaDailyIdNotText, ImportTexts.HabiticaDailyIdTwice, ImportTexts.HabiticaDailyNoId);

        public static TaskKind Todo => new(
            ImportTexts.HabiticaTodoNotObject, ImportTexts.HabiticaTodoIdNotText, ImportTexts.HabiticaTodoIdTwice, ImportTexts.HabiticaTodoNoId);
    }

    private sealed record PendingHabit(string Key, string Title, int Times, int PerDays, string Where, List<Tick> Ticks);

    private readonly record struct Tick(DateTime Local, bool HasTime, int Index);
}
