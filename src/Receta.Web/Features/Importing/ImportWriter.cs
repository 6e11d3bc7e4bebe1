using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Data.Importing;
using Receta.Importing;
using Receta.Web.Features.Breaks;
using Receta.Web.Features.Goals;

namespace Receta.Web.Features.Importing;

/// <summary>
/// Writes what a reader found into the account, inside the caller's transaction: new goals, or the
/// goal the import names, and under them every item whose key is not there yet (an item already
/// imported from the same source is counted as a duplicate). Nothing here commits; the runner
/// commits the whole import or nothing. Its errors and warnings are the runner's texts, in the import's language.
/// </summary>
internal sealed class ImportWriter(
    RecetaDbContext db, ImportJob job, Goal? target, DateOnly today, DateTimeOffset now, ImportProblems problems, IStringLocalizer<ImportRunner> texts)
{
    private readonly EntryBulkInsert entries = new(db);
    private readonly HashSet<Goal> createdGoals = [];

    /// <summary>Milestones written whose dependencies wait until every goal of the file has its milestones.</summary>
    private readonly List<(Goal Goal, Milestone Milestone, ImportedMilestone Source)> unlinked = [];

    /// <summary>Items handled so far; the runner shows it as the import's progress.</summary>
    public long Done { get; private set; }

    public static long CountItems(ImportBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return bundle.TaggedWork.Count + bundle.Goals.Sum(goal => 1L + goal.Entries.Count + goal.Milestones.Count + goal.Work.Count
            + goal.Skills.Count + goal.Attempts.Count + goal.Breaks.Count
            + goal.Habits.Sum(habit => 1L + habit.Checks.Count + habit.Skips.Count));
    }

    public async Task WriteAsync(ImportBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var goals = new Dictionary<string, Goal>(StringComparer.Ordinal);
        foreach (var source in bundle.Goals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var goal = await GoalForAsync(source, cancellationToken);
            if (goal is null)
            {
                continue;
            }
            goals[source.Key] = goal;
            // Attempts first, then what applies their lessons; milestones and skills before the work spent on them.
            var attempts = await WriteAttemptsAsync(goal, source.Attempts, cancellationToken);
            var made = CreationOrder(goal, source);
            var skills = await WriteSkillsAsync(goal, source.Skills, attempts, made, cancellationToken);
            var milestones = await WriteMilestonesAsync(goal, source.Milestones, attempts, made, cancellationToken);
            await WriteWorkAsync(goal, source.Work, milestones, skills, cancellationToken);
            await WriteHabitsAsync(goal, source.Habits, cancellationToken);
            await WriteBreaksAsync(goal, source.Breaks, cancellationToken);
            await WriteEntriesAsync(goal, source.Entries, cancellationToken);
        }
        await LinkDependenciesAsync(cancellationToken);
        if (target is null)
        {
            await LinkParentsAsync(bundle.Goals, goals, cancellationToken);
        }
        await WriteTaggedWorkAsync(bundle.TaggedWork, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Entries into <paramref name="goal"/>, streamed: a file of millions of rows is never held whole.</summary>
    public async Task WriteEntriesAsync(Goal goal, IEnumerable<ImportedEntry> source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(source);
        using var rows = source.GetEnumerator();
        if (!rows.MoveNext())
        {
            return;
        }
        if (goal.Measure is null)
        {
            problems.Error(texts["AtGoal", goal.Title], texts["GoalWithoutMeasure"]);
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
        var firstSequence = goal.Version + 1;
        var written = await entries.WriteAsync(goal, Remaining(rows), KeyOf, now, firstSequence, count => Done += count, cancellationToken);
        job.Created.Entries += written.Created;
        job.Duplicates += written.Duplicates;
        goal.Version = firstSequence + written.Created + written.Duplicates;
    }

    private static IEnumerable<ImportedEntry> Remaining(IEnumerator<ImportedEntry> rows)
    {
        do
        {
            yield return rows.Current;
        }
        while (rows.MoveNext());
    }

    private async Task<Goal?> GoalForAsync(ImportedGoal source, CancellationToken cancellationToken)
    {
        Done++;
        if (target is not null)
        {
            return target;
        }
        var key = KeyOf(source.Key);
        if (await db.Goals.FirstOrDefaultAsync(g => g.OwnerId == job.OwnerId && g.ImportKey == key, cancellationToken) is { } existing)
        {
            job.Duplicates++;
            return existing;
        }
        var goal = new Goal
        {
            OwnerId = job.OwnerId,
            Id = Guid.CreateVersion7(now),
            Title = source.Title,
            Purpose = source.Purpose,
            StartDate = source.StartDate ?? today,
            Status = source.Status,
            SeedId = source.SeedId,
            NoPreparationNeeded = source.NoPreparationNeeded,
            CreatedAt = now,
            Version = 1,
            ImportKey = key,
        };
        if (source.WeeklyCapacityHours is { } hours)
        {
            goal.WeeklyCapacityHours = hours;
        }
        if (source.TargetDate is { } targetDate)
        {
            if (targetDate > goal.StartDate)
            {
                goal.TargetDate = targetDate;
            }
            else
            {
                problems.Warn(texts["TargetDateNotAfterStart", source.Title]);
            }
        }
        if (source.Measure is { } measure)
        {
            if (measure.Start == measure.Target || (measure.Aggregation == Aggregation.Count && measure.Target < measure.Start))
            {
                problems.Error(texts["AtGoalMeasure", source.Title], texts["MeasureTargetIsStart"]);
                return null;
            }
            goal.MeasureUnit = measure.Unit;
            goal.MeasureStart = measure.Start;
            goal.MeasureTarget = measure.Target;
            goal.MeasureAggregation = measure.Aggregation;
        }
        await GoalSequence.TakeNextAsync(db, job.OwnerId, async sequence =>
        {
            goal.Sequence = sequence;
            db.Goals.Add(goal);
            await db.SaveChangesAsync(cancellationToken);
            return goal;
        });
        job.Created.Goals++;
        createdGoals.Add(goal);
        return goal;
    }

    private async Task WriteHabitsAsync(Goal goal, List<ImportedHabit> source, CancellationToken cancellationToken)
    {
        if (source.Count == 0)
        {
            return;
        }
        var known = await KnownAsync(db.Habits, goal, cancellationToken);
        var marked = (await db.HabitChecks.Where(c => c.OwnerId == goal.OwnerId && c.GoalId == goal.Id).Select(c => new { c.HabitId, c.Date }).ToListAsync(cancellationToken))
            .Concat(await db.HabitSkips.Where(s => s.OwnerId == goal.OwnerId && s.GoalId == goal.Id).Select(s => new { s.HabitId, s.Date }).ToListAsync(cancellationToken))
            .Select(mark => (mark.HabitId, mark.Date))
            .ToHashSet();
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Done++;
            var key = KeyOf(item.Key);
            if (!known.TryGetValue(key, out var habit))
            {
                habit = new Habit
                {
                    OwnerId = goal.OwnerId,
                    Id = Guid.CreateVersion7(now),
                    GoalId = goal.Id,
                    Title = item.Title,
                    Times = item.Times,
                    PerDays = item.PerDays,
                    Sequence = ++goal.Version,
                    CreatedAt = now,
                    ImportKey = key,
                };
                db.Habits.Add(habit);
                known.Add(key, habit);
                job.Created.Habits++;
            }
            else
            {
                job.Duplicates++;
            }
            foreach (var date in item.Checks)
            {
                if (Mark(marked, habit.Id, date))
                {
                    db.HabitChecks.Add(new HabitCheck { OwnerId = goal.OwnerId, HabitId = habit.Id, GoalId = goal.Id, Date = date });
                    job.Created.Checks++;
                }
            }
            foreach (var date in item.Skips)
            {
                if (Mark(marked, habit.Id, date))
                {
                    db.HabitSkips.Add(new HabitSkip { OwnerId = goal.OwnerId, HabitId = habit.Id, GoalId = goal.Id, Date = date });
                    job.Created.Skips++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    // A date holds one mark, a check or a skip: one already there, from any source, wins.
    private bool Mark(HashSet<(Guid, DateOnly)> marked, Guid habitId, DateOnly date)
    {
        Done++;
        if (marked.Add((habitId, date)))
        {
            return true;
        }
        job.Duplicates++;
        return false;
    }

    /// <summary>
    /// The creation sequences of the goal's skills and milestones, taken together in the order they were
    /// made where they come from (file order when unknown): an attempt lists the skills and milestones
    /// that apply its lesson in that order.
    /// </summary>
    private static Dictionary<object, long> CreationOrder(Goal goal, ImportedGoal source)
    {
        var items = source.Skills.Select(skill => (skill.Order, Item: (object)skill))
            .Concat(source.Milestones.Select(milestone => (milestone.Order, Item: (object)milestone)))
            .OrderBy(item => item.Order ?? long.MaxValue)
            .Select((item, index) => (item.Item, Sequence: goal.Version + 1 + index))
            .ToDictionary(item => item.Item, item => item.Sequence, ReferenceEqualityComparer.Instance);
        goal.Version += items.Count;
        return items;
    }

    private Task<Dictionary<string, Milestone>> WriteMilestonesAsync(
        Goal goal, List<ImportedMilestone> source, Dictionary<string, Attempt> attempts, Dictionary<object, long> made,
        CancellationToken cancellationToken) =>
        AddNewAsync(goal, db.Milestones, source, item => item.Key, (item, key) =>
        {
            var milestone = new Milestone
            {
                OwnerId = goal.OwnerId,
                Id = Guid.CreateVersion7(now),
                GoalId = goal.Id,
                Title = item.Title,
                DueDate = item.DueDate,
                TargetValue = item.TargetValue,
                EstimateHours = item.EstimateHours,
                FromAttemptId = AttemptOf(item.FromAttemptKey, attempts),
                Status = item.CompletedOn is null ? MilestoneStatus.Todo : MilestoneStatus.Done,
                CompletedOn = item.CompletedOn,
                Sequence = made[item],
                CreatedAt = now,
                ImportKey = key,
            };
            unlinked.Add((goal, milestone, item));
            job.Created.Milestones++;
            return milestone;
        }, cancellationToken);

    /// <summary>
    /// The new milestones' dependencies, once every goal of the file has its milestones: with a goal named, a task
    /// may depend on one that comes later under another of the file's goals. A dependency on a milestone of
    /// another goal is dropped (a milestone depends only on its own goal's), and so are those that would close a
    /// cycle, each with a warning.
    /// </summary>
    private async Task LinkDependenciesAsync(CancellationToken cancellationToken)
    {
        foreach (var links in unlinked.GroupBy(link => link.Goal))
        {
            var goal = links.Key;
            var all = await db.Milestones.Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id).ToListAsync(cancellationToken);
            var known = all.Where(m => m.ImportKey is not null).ToDictionary(m => m.ImportKey!, StringComparer.Ordinal);
            var graph = all.ToDictionary(m => m.Id.ToString(), m => (IReadOnlyList<string>)m.DependsOn.Select(d => d.ToString()).ToList());
            foreach (var (_, milestone, item) in links)
            {
                var dependsOn = new List<Guid>();
                foreach (var dependency in item.DependsOn)
                {
                    if (!known.TryGetValue(KeyOf(dependency), out var found))
                    {
                        problems.Warn(texts["DependenciesOnOtherGoals"]);
                    }
                    else if (!dependsOn.Contains(found.Id) && dependsOn.Count < ApiLimits.MaxDependencies)
                    {
                        dependsOn.Add(found.Id);
                    }
                }
                var proposed = dependsOn.Select(id => id.ToString()).ToList();
                if (DependencyGraph.Check(graph, milestone.Id.ToString(), proposed) != DependencyProblem.None)
                {
                    problems.Warn(texts["DependenciesOnItself"]);
                    dependsOn = [];
                    proposed = [];
                }
                milestone.DependsOn = dependsOn;
                graph[milestone.Id.ToString()] = proposed;
            }
        }
        unlinked.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<Dictionary<string, WorkSession>> WriteWorkAsync(
        Goal goal, List<ImportedWorkSession> source, Dictionary<string, Milestone>? milestones, Dictionary<string, Skill>? skills,
        CancellationToken cancellationToken) =>
        AddNewAsync(goal, db.WorkSessions, source, item => item.Key, (item, key) =>
        {
            job.Created.WorkSessions++;
            return new WorkSession
            {
                OwnerId = goal.OwnerId,
                Id = Guid.CreateVersion7(now),
                GoalId = goal.Id,
                Date = item.Date,
                Minutes = item.Minutes,
                Note = item.Note,
                MilestoneId = item.MilestoneKey is { } milestoneKey && milestones?.GetValueOrDefault(KeyOf(milestoneKey)) is { } milestone ? milestone.Id : null,
                SkillId = item.SkillKey is { } skillKey && skills?.GetValueOrDefault(KeyOf(skillKey)) is { } skill ? skill.Id : null,
                Sequence = ++goal.Version,
                CreatedAt = now,
                ImportKey = key,
            };
        }, cancellationToken);

    /// <summary>Timewarrior's intervals: on the named goal, else on the account's goal titled like one of their tags.</summary>
    private async Task WriteTaggedWorkAsync(List<TaggedWork> source, CancellationToken cancellationToken)
    {
        if (source.Count == 0)
        {
            return;
        }
        if (target is not null)
        {
            await WriteWorkAsync(target, source.Select(work => work.Session).ToList(), null, null, cancellationToken);
            return;
        }
        var goals = await db.Goals.Where(g => g.OwnerId == job.OwnerId).OrderBy(g => g.Sequence).ToListAsync(cancellationToken);
        var byTitle = goals.GroupBy(g => g.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var matched = new Dictionary<Goal, List<ImportedWorkSession>>();
        var unmatched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var work in source)
        {
            if (work.Tags.Select(tag => byTitle.GetValueOrDefault(tag.Trim())).FirstOrDefault(goal => goal is not null) is { } goal)
            {
                (matched.TryGetValue(goal, out var list) ? list : matched[goal] = []).Add(work.Session);
            }
            else
            {
                Done++;
                // An interval is one item left out, however many local days it spans.
                if (unmatched.Add(work.Interval))
                {
                    problems.Ignore(texts["UntaggedIntervals"]);
                }
            }
        }
        foreach (var (goal, sessions) in matched)
        {
            await WriteWorkAsync(goal, sessions, null, null, cancellationToken);
        }
    }

    private Task<Dictionary<string, Attempt>> WriteAttemptsAsync(Goal goal, List<ImportedAttempt> source, CancellationToken cancellationToken) =>
        AddNewAsync(goal, db.Attempts, source, item => item.Key, (item, key) =>
        {
            job.Created.Attempts++;
            return new Attempt
            {
                OwnerId = goal.OwnerId,
                Id = Guid.CreateVersion7(now),
                GoalId = goal.Id,
                Title = item.Title,
                Date = item.Date,
                Outcome = item.Outcome,
                Feedback = item.Feedback,
                Lesson = item.Lesson,
                Sequence = ++goal.Version,
                CreatedAt = now,
                ImportKey = key,
            };
        }, cancellationToken);

    private Task<Dictionary<string, Skill>> WriteSkillsAsync(
        Goal goal, List<ImportedSkill> source, Dictionary<string, Attempt> attempts, Dictionary<object, long> made,
        CancellationToken cancellationToken) =>
        AddNewAsync(goal, db.Skills, source, item => item.Key, (item, key) =>
        {
            job.Created.Skills++;
            return new Skill
            {
                OwnerId = goal.OwnerId,
                Id = Guid.CreateVersion7(now),
                GoalId = goal.Id,
                Name = item.Name,
                Level = item.Level,
                TargetLevel = item.TargetLevel,
                Resources = [.. item.Resources.Select(r => new SkillResource { Title = r.Title, Url = r.Url, Done = r.Done })],
                FromAttemptId = AttemptOf(item.FromAttemptKey, attempts),
                Sequence = made[item],
                CreatedAt = now,
                ImportKey = key,
            };
        }, cancellationToken);

    /// <summary>Breaks by the goal's own rules: one that overlaps a break already there is left out, with a warning.</summary>
    private async Task WriteBreaksAsync(Goal goal, List<ImportedBreak> source, CancellationToken cancellationToken)
    {
        if (source.Count == 0)
        {
            return;
        }
        var breaks = await db.GoalBreaks.Where(b => b.OwnerId == goal.OwnerId && b.GoalId == goal.Id).ToListAsync(cancellationToken);
        await AddNewAsync(goal, db.GoalBreaks, source, item => item.Key, (item, key) =>
        {
            var pause = new GoalBreak { OwnerId = goal.OwnerId, Id = Guid.CreateVersion7(now), GoalId = goal.Id, CreatedAt = now, ImportKey = key };
            if (new BreakFields(item.From, item.To, item.Note).TryApplyTo(pause, breaks) is not null)
            {
                problems.Warn(texts["BreaksLeftOut"]);
                return null;
            }
            pause.Sequence = ++goal.Version;
            breaks.Add(pause);
            job.Created.Breaks++;
            return pause;
        }, cancellationToken);
    }

    /// <summary>
    /// The one way an item of the file joins a goal: one already imported from the same source (by its
    /// key) is a duplicate; otherwise <paramref name="make"/> builds it (or null: it is left out, having
    /// said why) and it is added. Saved at the end; the goal's items by key, old and new, are returned
    /// for what links to them.
    /// </summary>
    private async Task<Dictionary<string, TItem>> AddNewAsync<TSource, TItem>(
        Goal goal, DbSet<TItem> items, List<TSource> source, Func<TSource, string> sourceKey, Func<TSource, string, TItem?> make,
        CancellationToken cancellationToken)
        where TItem : class, IGoalChild, IImported
    {
        if (source.Count == 0)
        {
            return [];
        }
        var known = await KnownAsync(items, goal, cancellationToken);
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Done++;
            var key = KeyOf(sourceKey(item));
            if (known.ContainsKey(key))
            {
                job.Duplicates++;
                continue;
            }
            if (make(item, key) is { } made)
            {
                items.Add(made);
                known.Add(key, made);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return known;
    }

    /// <summary>Each new goal under the goal of the file it names as its parent; a link that would close a loop is left out.</summary>
    private async Task LinkParentsAsync(List<ImportedGoal> sources, Dictionary<string, Goal> goals, CancellationToken cancellationToken)
    {
        var parentOf = new Dictionary<Goal, Goal>();
        foreach (var source in sources)
        {
            if (source.ParentKey is not { } parentKey || !goals.TryGetValue(source.Key, out var goal)
                || !goals.TryGetValue(parentKey, out var parent) || !createdGoals.Contains(goal))
            {
                continue;
            }
            var ancestor = parent;
            while (ancestor is not null && ancestor != goal)
            {
                ancestor = parentOf.GetValueOrDefault(ancestor);
            }
            if (ancestor == goal)
            {
                problems.Warn(texts["OwnAncestor"]);
                continue;
            }
            parentOf[goal] = parent;
            goal.ParentId = parent.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private Guid? AttemptOf(string? key, Dictionary<string, Attempt> attempts) =>
        key is not null && attempts.GetValueOrDefault(KeyOf(key)) is { } attempt ? attempt.Id : null;

    private static async Task<Dictionary<string, T>> KnownAsync<T>(DbSet<T> items, Goal goal, CancellationToken cancellationToken)
        where T : class, IGoalChild, IImported =>
        await items.Where(x => x.OwnerId == goal.OwnerId && x.GoalId == goal.Id && x.ImportKey != null)
            .ToDictionaryAsync(x => x.ImportKey!, StringComparer.Ordinal, cancellationToken);

    /// <summary>The stored key: the format and the source's key, or their hash when that is too long for the column.</summary>
    private string KeyOf(string sourceKey)
    {
        var key = $"{job.Format}:{sourceKey}";
        if (key.Length <= IImported.MaxKeyLength)
        {
            return key;
        }
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(sourceKey))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{job.Format}:#{hash}";
    }
}
