using System.Text.Json;
using System.Text.Json.Serialization;
using Receta.Contracts;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;

namespace Receta.Importing.RecetaJson;

/// <summary>
/// Reads Receta's own export (connections.md §2) back: every goal with everything under it, keyed
/// by the exported ids so that every link (parents, dependencies, the milestone or skill of a work
/// session, the attempt a lesson came from) is kept under the new ids. Cheers are the circle's
/// words and stay with the circle that wrote them.
/// </summary>
public static class RecetaJsonReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        MaxDepth = 32,
    };

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = new ImportBundle();
        var problems = bundle.Problems;
        ExportDocument? document;
        try
        {
            using var file = File.OpenRead(path);
            document = JsonSerializer.Deserialize<ExportDocument>(file, Options);
        }
        catch (JsonException exception)
        {
            problems.Error($"{ImportTexts.AtExport}, {ImportTexts.AtLine.With(exception.LineNumber + 1)}{(exception.Path is { } at ? $", {at}" : "")}",
                ImportTexts.RecetaNotExport.With(exception.Message));
            return bundle;
        }
        if (document is null || document.Format != ExportDocument.FormatName)
        {
            problems.Error($"{ImportTexts.AtExport}, format", ImportTexts.RecetaFormat.With(ExportDocument.FormatName));
            return bundle;
        }
        if (document.Version != ExportDocument.CurrentVersion)
        {
            problems.Error($"{ImportTexts.AtExport}, version", ImportTexts.RecetaVersion.With(ExportDocument.CurrentVersion, document.Version));
            return bundle;
        }
        var goals = document.Goals ?? [];
        for (var i = 0; i < goals.Count && !problems.HasErrors; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (ReadGoal(goals[i], $"goals[{i}]", problems) is { } goal)
            {
                bundle.Goals.Add(goal);
            }
        }
        foreach (var _ in goals.SelectMany(goal => goal?.Cheers ?? []))
        {
            problems.Ignore(ImportTexts.RecetaCheers);
        }
        return bundle;
    }

    private static ImportedGoal? ReadGoal(ExportGoal? source, string where, ImportProblems problems)
    {
        if (source is null || source.Title is null)
        {
            problems.Error(where, ImportTexts.RecetaGoalTitle);
            return null;
        }
        if (!ImportRules.CheckDate(source.StartDate, $"{where}, startDate", problems)
            || source.TargetDate is { } target && !ImportRules.CheckDate(target, $"{where}, targetDate", problems))
        {
            return null;
        }
        ImportedMeasure? measure = null;
        if (source.Measure is { } fields)
        {
            var start = fields.Start ?? 0;
            if (fields.Target is not { } targetValue
                || !ImportRules.CheckValue(start, $"{where}, measure.start", problems)
                || !ImportRules.CheckValue(targetValue, $"{where}, measure.target", problems))
            {
                problems.Error($"{where}, measure.target", ImportTexts.RecetaMeasureTarget);
                return null;
            }
            measure = new ImportedMeasure(ImportRules.Title(fields.Unit, "", problems), start, targetValue, fields.Aggregation ?? Aggregation.Sum);
        }
        var goal = new ImportedGoal
        {
            Key = source.Id.ToString(),
            ParentKey = source.ParentId?.ToString(),
            Title = ImportRules.Title(source.Title, "Goal", problems),
            Purpose = ImportRules.Note(source.Purpose, problems),
            StartDate = source.StartDate,
            TargetDate = source.TargetDate,
            Status = source.Status,
            SeedId = source.SeedId == Guid.Empty ? source.Id : source.SeedId,
            WeeklyCapacityHours = source.WeeklyCapacityHours is > 0 and <= 168 ? source.WeeklyCapacityHours : null,
            NoPreparationNeeded = source.NoPreparationNeeded,
            Measure = measure,
        };
        Each(source.Entries, $"{where}.entries", problems, (entry, at) =>
        {
            if (ImportRules.CheckDate(entry.Date, $"{at}, date", problems)
                && (entry.Value is not { } value || ImportRules.CheckValue(value, $"{at}, value", problems)))
            {
                goal.Entries.Add(new ImportedEntry(entry.Id.ToString(), entry.Date, entry.Value, ImportRules.Note(entry.Note, problems)));
            }
        });
        Each(source.Attempts, $"{where}.attempts", problems, (attempt, at) =>
        {
            if (ImportRules.CheckDate(attempt.Date, $"{at}, date", problems))
            {
                goal.Attempts.Add(new ImportedAttempt(attempt.Id.ToString(), ImportRules.Title(attempt.Title, "Attempt", problems), attempt.Date,
                    attempt.Outcome, ImportRules.Note(attempt.Feedback, problems), ImportRules.Note(attempt.Lesson, problems)));
            }
        });
        Each(source.Milestones, $"{where}.milestones", problems, (milestone, at) =>
        {
            var done = milestone.Status == MilestoneStatus.Done;
            if ((milestone.DueDate is not { } due || ImportRules.CheckDate(due, $"{at}, dueDate", problems))
                && (milestone.CompletedOn is not { } completed || ImportRules.CheckDate(completed, $"{at}, completedOn", problems))
                && ImportRules.CheckValue(milestone.EstimateHours, $"{at}, estimateHours", problems)
                && (milestone.TargetValue is not { } targetValue || ImportRules.CheckValue(targetValue, $"{at}, targetValue", problems)))
            {
                var imported = new ImportedMilestone
                {
                    Key = milestone.Id.ToString(),
                    Title = ImportRules.Title(milestone.Title, "Milestone", problems),
                    DueDate = milestone.DueDate,
                    TargetValue = milestone.TargetValue,
                    EstimateHours = Math.Max(0, milestone.EstimateHours),
                    CompletedOn = done ? milestone.CompletedOn ?? milestone.DueDate ?? source.StartDate : null,
                    FromAttemptKey = milestone.FromAttemptId?.ToString(),
                    Order = milestone.Sequence,
                };
                imported.DependsOn.AddRange((milestone.DependsOn ?? []).Select(id => id.ToString()));
                goal.Milestones.Add(imported);
            }
        });
        Each(source.Skills, $"{where}.skills", problems, (skill, at) =>
        {
            if (skill.Level is < 0 or > 5 || skill.TargetLevel is < 0 or > 5)
            {
                problems.Error($"{at}, level", ImportTexts.RecetaSkillLevels);
                return;
            }
            var resources = (skill.Resources ?? []).Take(100)
                .Select(r => new ImportedResource(ImportRules.Title(r.Title, "Resource", problems), r.Url is { Length: <= 2000 } url ? url : null, r.Done ?? false))
                .ToList();
            goal.Skills.Add(new ImportedSkill(skill.Id.ToString(), ImportRules.Title(skill.Name, "Skill", problems), skill.Level, skill.TargetLevel, resources,
                skill.FromAttemptId?.ToString(), skill.Sequence));
        });
        Each(source.WorkSessions, $"{where}.workSessions", problems, (work, at) =>
        {
            if (work.Minutes is < 1 or > ImportRules.MaxWorkMinutes)
            {
                problems.Error($"{at}, minutes", ImportTexts.RecetaWorkMinutes.With(ImportRules.MaxWorkMinutes));
            }
            else if (ImportRules.CheckDate(work.Date, $"{at}, date", problems))
            {
                goal.Work.Add(new ImportedWorkSession(work.Id.ToString(), work.Date, work.Minutes, ImportRules.Note(work.Note, problems),
                    work.MilestoneId?.ToString(), work.SkillId?.ToString()));
            }
        });
        Each(source.Habits, $"{where}.habits", problems, (habit, at) =>
        {
            if (habit.Times < 1 || habit.PerDays < habit.Times || habit.PerDays > ImportRules.MaxHabitPeriodDays)
            {
                problems.Error($"{at}, times", ImportTexts.RecetaHabitTimes.With(ImportRules.MaxHabitPeriodDays));
                return;
            }
            var imported = new ImportedHabit { Key = habit.Id.ToString(), Title = ImportRules.Title(habit.Title, "Habit", problems), Times = habit.Times, PerDays = habit.PerDays };
            var checks = (habit.Checks ?? []).Where(d => ImportRules.CheckDate(d, $"{at}, checks", problems)).ToHashSet();
            imported.Checks.AddRange(checks.Order());
            imported.Skips.AddRange((habit.Skips ?? []).Where(d => !checks.Contains(d) && ImportRules.CheckDate(d, $"{at}, skips", problems)).Distinct().Order());
            goal.Habits.Add(imported);
        });
        Each(source.Breaks, $"{where}.breaks", problems, (pause, at) =>
        {
            if (ImportRules.CheckDate(pause.From, $"{at}, from", problems) && ImportRules.CheckDate(pause.To, $"{at}, to", problems))
            {
                goal.Breaks.Add(new ImportedBreak(pause.Id.ToString(), pause.From, pause.To, ImportRules.Note(pause.Note, problems)));
            }
        });
        return goal;
    }

    private static void Each<T>(IReadOnlyList<T?>? items, string where, ImportProblems problems, Action<T, string> read)
        where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
            {
                read(item, $"{where}[{i}]");
            }
            else
            {
                problems.Error($"{where}[{i}]", ImportTexts.RecetaItemMissing);
            }
        }
    }
}
