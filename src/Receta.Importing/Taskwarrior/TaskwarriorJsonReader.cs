using System.Text.Json;
using Receta.Importing.Json;

namespace Receta.Importing.Taskwarrior;

/// <summary>
/// Reads <c>task export</c> (Taskwarrior 2.4 to 3.x; a JSON array, or one object per line with
/// <c>rc.json.array=0</c>): every pending, waiting or completed task becomes a milestone of the goal
/// named after the first part of its project. See formats.md §3.
/// </summary>
public static class TaskwarriorJsonReader
{
    private const string NoProject = "Taskwarrior";

    public static ImportBundle Read(string path, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bundle = new ImportBundle();
        var tasks = new Tasks(bundle, context);
        JsonRecords.Read(path, ImportTexts.RecordTask, bundle.Problems, tasks.Add, context.CancellationToken);
        tasks.KeepImportedDependencies();
        return bundle;
    }

    private sealed class Tasks(ImportBundle bundle, ImportContext context)
    {
        private readonly Dictionary<string, ImportedGoal> goalsByName = new(StringComparer.Ordinal);

        // Keyed by uuid without regard to case: Taskwarrior writes lower case, a hand-edited file may not.
        private readonly Dictionary<string, long> linesByUuid = new(StringComparer.OrdinalIgnoreCase);

        private ImportProblems Problems => bundle.Problems;

        public void Add(JsonRecord record)
        {
            if (!JsonFields.TryOpen(record.Value, record.Where, Problems, out var task)
                || !task.TryGetRequiredString("status", out var status))
            {
                return;
            }
            switch (status)
            {
                case "deleted":
                    Problems.Ignore(ImportTexts.TaskwarriorDeleted);
                    return;
                case "recurring":
                    Problems.Ignore(ImportTexts.TaskwarriorTemplates);
                    return;
                case "pending" or "waiting" or "completed":
                    break;
                default:
                    task.Error("status", ImportTexts.TaskwarriorNotStatus.With(JsonFields.Shorten(status)));
                    return;
            }

            var completed = status == "completed";
            var valid = task.TryGetRequiredString("uuid", out var uuid)
                & task.TryGetString("description", out var description)
                & task.TryGetString("project", out var project)
                & task.TryGetUtcTime("due", out var due)
                & task.TryGetUtcTime("end", out var end)
                & TryReadDepends(task, out var depends);
            if (!valid)
            {
                return;
            }
            uuid = uuid.Trim();
            if (uuid.Length == 0)
            {
                task.Error("uuid", ImportTexts.TaskwarriorUuidEmpty);
                return;
            }
            if (!linesByUuid.TryAdd(uuid, record.Line))
            {
                task.Error("uuid", ImportTexts.TaskwarriorTaskTwice.With(JsonFields.Shorten(uuid), linesByUuid[uuid]));
                return;
            }
            DateOnly? dueDate = null;
            if (due is { } dueInstant)
            {
                if (!LocalDates.TryGet(context, dueInstant, task.At("due"), Problems, out var date))
                {
                    return;
                }
                dueDate = date;
            }
            DateOnly? completedOn = null;
            if (completed)
            {
                if (end is not { } endInstant)
                {
                    task.Error("end", ImportTexts.TaskwarriorCompletedWithoutEnd);
                    return;
                }
                if (!LocalDates.TryGet(context, endInstant, task.At("end"), Problems, out var date))
                {
                    return;
                }
                completedOn = date;
            }

            var milestone = new ImportedMilestone
            {
                Key = uuid.ToLowerInvariant(),
                Title = ImportRules.Title(description, "Task " + uuid, Problems),
                DueDate = dueDate,
                CompletedOn = completedOn,
            };
            milestone.DependsOn.AddRange(depends.Select(dependency => dependency.ToLowerInvariant()).Distinct(StringComparer.Ordinal));
            GoalOf(project).Milestones.Add(milestone);
        }

        /// <summary>Drops every dependency on a task the file does not hand over as a milestone.</summary>
        public void KeepImportedDependencies()
        {
            foreach (var milestone in bundle.Goals.SelectMany(goal => goal.Milestones))
            {
                var dropped = milestone.DependsOn.RemoveAll(uuid => !linesByUuid.ContainsKey(uuid));
                for (var i = 0; i < dropped; i++)
                {
                    Problems.Warn(ImportTexts.TaskwarriorDependenciesDropped);
                }
            }
        }

        // A project is a dot-separated hierarchy (Admin.Docs); its first part is the goal.
        private ImportedGoal GoalOf(string? project)
        {
            var name = ImportRules.Title(project?.Split('.')[0], NoProject, Problems);
            if (!goalsByName.TryGetValue(name, out var goal))
            {
                goal = new ImportedGoal { Key = "project:" + name, Title = name };
                goalsByName.Add(name, goal);
                bundle.Goals.Add(goal);
            }
            return goal;
        }

        /// <summary>
        /// <c>depends</c> as each version writes it: an array of uuids (2.5.0, 2.6 and later), a
        /// comma-separated string (2.4, 2.5.1–2.5.3), or the string form of an array that
        /// Taskserver passed around (<c>"[\"uuid\",\"uuid\"]"</c>), which Taskwarrior accepts too.
        /// </summary>
        private bool TryReadDepends(JsonFields task, out List<string> uuids)
        {
            uuids = [];
            if (!task.Has("depends", out var depends))
            {
                return true;
            }
            var where = task.At("depends");
            if (depends.ValueKind == JsonValueKind.String)
            {
                if (!JsonFields.TryReadString(depends, where, Problems, out var text))
                {
                    return false;
                }
                text = text.Trim();
                if (!text.StartsWith('['))
                {
                    uuids.AddRange(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    return true;
                }
                try
                {
                    using var inner = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 2 });
                    return TryReadUuids(inner.RootElement, where, uuids);
                }
                catch (JsonException)
                {
                    Problems.Error(where, ImportTexts.TaskwarriorDependsNotJson);
                    return false;
                }
            }
            return TryReadUuids(depends, where, uuids);
        }

        private bool TryReadUuids(JsonElement array, string where, List<string> uuids)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                Problems.Error(where, ImportTexts.TaskwarriorExpectedUuids.With(JsonFields.Describe(array)));
                return false;
            }
            foreach (var element in array.EnumerateArray())
            {
                if (!JsonFields.TryReadString(element, where, Problems, out var uuid))
                {
                    return false;
                }
                if (uuid.Trim() is { Length: > 0 } trimmed)
                {
                    uuids.Add(trimmed);
                }
            }
            return true;
        }
    }
}
