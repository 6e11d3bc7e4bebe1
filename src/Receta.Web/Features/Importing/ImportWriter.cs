using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Receta.Core.Purpose;
using Receta.Core.Roadmap;
using Receta.Data;
using Receta.Data.Goals;
using Receta.Data.Importing;
using Receta.Importing;
using Receta.Web.Features.Goals;

namespace Receta.Web.Features.Importing;

/// <summary>
/// Writes what a reader found into the account, inside the caller's transaction: new goals, or the
/// goal the import names, and under them every item whose key is not there yet (an item already
/// imported from the same source is counted as a duplicate). Nothing here commits; the runner
/// commits the whole import or nothing.
/// </summary>
internal sealed class ImportWriter(RecetaDbContext db, ImportJob job, Goal? target, DateOnly today, DateTimeOffset now, ImportProblems problems)
{
    private readonly EntryBulkInsert entries = new(db);

    /// <summary>Items handled so far; the runner shows it as the import's progress.</summary>
    public long Done { get; private set; }

    public static long CountItems(ImportBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return bundle.TaggedWork.Count + bundle.Goals.Sum(goal => 1L + goal.Entries.Count + goal.Milestones.Count + goal.Work.Count
            + goal.Habits.Sum(habit => 1L + habit.Checks.Count + habit.Skips.Count));
    }

    public async Task WriteAsync(ImportBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (var source in bundle.Goals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var goal = await GoalForAsync(source, cancellationToken);
            if (goal is null)
            {
                continue;
            }
            await WriteHabitsAsync(goal, source.Habits, cancellationToken);
            await WriteMilestonesAsync(goal, source.Milestones, cancellationToken);
            await WriteWorkAsync(goal, source.Work, cancellationToken);
            await WriteEntriesAsync(goal, source.Entries, cancellationToken);
        }
        await WriteTaggedWorkAsync(bundle.TaggedWork, cancellationToken);
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
            problems.Error($"goal '{goal.Title}'", "This goal has no measure; give it one before importing entries.");
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
            CreatedAt = now,
            Version = 1,
            ImportKey = key,
        };
        if (source.TargetDate is { } targetDate)
        {
            if (targetDate > goal.StartDate)
            {
                goal.TargetDate = targetDate;
            }
            else
            {
                problems.Warn($"Goal '{source.Title}': its target date is not after its start, so it has none.");
            }
        }
        if (source.Measure is { } measure)
        {
            if (measure.Start == measure.Target || (measure.Aggregation == Aggregation.Count && measure.Target < measure.Start))
            {
                problems.Error($"goal '{source.Title}', measure", "The measure's target must differ from its start (and be above it when counting).");
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

    private async Task WriteMilestonesAsync(Goal goal, List<ImportedMilestone> source, CancellationToken cancellationToken)
    {
        if (source.Count == 0)
        {
            return;
        }
        var known = await KnownAsync(db.Milestones, goal, cancellationToken);
        var all = await db.Milestones.Where(m => m.OwnerId == goal.OwnerId && m.GoalId == goal.Id).ToListAsync(cancellationToken);
        var graph = all.ToDictionary(m => m.Id.ToString(), m => (IReadOnlyList<string>)m.DependsOn.Select(d => d.ToString()).ToList());
        var added = new List<(Milestone Milestone, ImportedMilestone Source)>();
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Done++;
            var key = KeyOf(item.Key);
            if (known.ContainsKey(key))
            {
                job.Duplicates++;
                continue;
            }
            var milestone = new Milestone
            {
                OwnerId = goal.OwnerId,
                Id = Guid.CreateVersion7(now),
                GoalId = goal.Id,
                Title = item.Title,
                DueDate = item.DueDate,
                TargetValue = item.TargetValue,
                Status = item.CompletedOn is null ? MilestoneStatus.Todo : MilestoneStatus.Done,
                CompletedOn = item.CompletedOn,
                Sequence = ++goal.Version,
                CreatedAt = now,
                ImportKey = key,
            };
            db.Milestones.Add(milestone);
            known.Add(key, milestone);
            added.Add((milestone, item));
            job.Created.Milestones++;
        }
        // Dependencies once every milestone has its id; one that would close a cycle is dropped.
        foreach (var (milestone, item) in added)
        {
            var dependsOn = item.DependsOn
                .Select(dependency => known.TryGetValue(KeyOf(dependency), out var found) ? found.Id : (Guid?)null)
                .OfType<Guid>()
                .Distinct()
                .Take(ApiLimits.MaxDependencies)
                .ToList();
            var proposed = dependsOn.Select(id => id.ToString()).ToList();
            if (DependencyGraph.Check(graph, milestone.Id.ToString(), proposed) != DependencyProblem.None)
            {
                problems.Warn("Dependencies that would make a milestone depend on itself were dropped.");
                dependsOn = [];
                proposed = [];
            }
            milestone.DependsOn = dependsOn;
            graph[milestone.Id.ToString()] = proposed;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WriteWorkAsync(Goal goal, List<ImportedWorkSession> source, CancellationToken cancellationToken)
    {
        if (source.Count == 0)
        {
            return;
        }
        var known = await KnownAsync(db.WorkSessions, goal, cancellationToken);
        foreach (var item in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Done++;
            var key = KeyOf(item.Key);
            if (known.ContainsKey(key))
            {
                job.Duplicates++;
                continue;
            }
            var session = new WorkSession
            {
                OwnerId = goal.OwnerId,
                Id = Guid.CreateVersion7(now),
                GoalId = goal.Id,
                Date = item.Date,
                Minutes = item.Minutes,
                Note = item.Note,
                Sequence = ++goal.Version,
                CreatedAt = now,
                ImportKey = key,
            };
            db.WorkSessions.Add(session);
            known.Add(key, session);
            job.Created.WorkSessions++;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Timewarrior's intervals: on the named goal, else on the account's goal titled like one of their tags.</summary>
    private async Task WriteTaggedWorkAsync(List<TaggedWork> source, CancellationToken cancellationToken)
    {
        if (source.Count == 0)
        {
            return;
        }
        if (target is not null)
        {
            await WriteWorkAsync(target, source.Select(work => work.Session).ToList(), cancellationToken);
            return;
        }
        var goals = await db.Goals.Where(g => g.OwnerId == job.OwnerId).OrderBy(g => g.Sequence).ToListAsync(cancellationToken);
        var byTitle = goals.GroupBy(g => g.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var matched = new Dictionary<Goal, List<ImportedWorkSession>>();
        foreach (var work in source)
        {
            if (work.Tags.Select(tag => byTitle.GetValueOrDefault(tag.Trim())).FirstOrDefault(goal => goal is not null) is { } goal)
            {
                (matched.TryGetValue(goal, out var list) ? list : matched[goal] = []).Add(work.Session);
            }
            else
            {
                Done++;
                problems.Ignore("Timewarrior intervals with no tag naming one of your goals");
            }
        }
        foreach (var (goal, sessions) in matched)
        {
            await WriteWorkAsync(goal, sessions, cancellationToken);
        }
    }

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
