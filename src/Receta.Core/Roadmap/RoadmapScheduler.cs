using Receta.Core.Breaks;

namespace Receta.Core.Roadmap;

/// <summary>Lays a goal's milestones end to end as one person works them: recipe.md §3, exactly.</summary>
public static class RoadmapScheduler
{
    /// <summary>
    /// Schedules the milestones as of <paramref name="asOf"/>. Milestones to do are ordered topologically
    /// (a dependency done as of the day is satisfied); among the ready ones the earliest due date comes first
    /// (none last), then creation order. With daily capacity <c>h = weeklyCapacityHours / 7</c> they are laid end
    /// to end from the start of <paramref name="asOf"/>: one occupies <c>[t0, t1)</c> days with
    /// <c>t1 = t0 + remainingHours / h</c>, starts on <c>a + floor(t0)</c> and finishes on <c>a + ceil(t1) − 1</c>
    /// (its start day when <c>t1 = t0</c>). Done milestones follow, by completion date then creation order.
    /// With breaks, capacity is <c>h</c> on active days and 0 on break days: with <c>A_0 &lt; A_1 &lt; …</c> the active days
    /// on or after <paramref name="asOf"/>, a milestone starts on <c>A_floor(t0)</c> and finishes on <c>A_(ceil(t1) − 1)</c>.
    /// </summary>
    /// <param name="milestones">The goal's milestones; ids are unique.</param>
    /// <param name="weeklyCapacityHours">Hours per week given to the goal, more than 0.</param>
    /// <param name="asOf">The day the schedule starts, at its beginning.</param>
    /// <param name="activeDays">The goal's active days; null reads as no break.</param>
    /// <exception cref="ArgumentException">Ids repeat, or hours are negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not a positive finite number.</exception>
    public static RoadmapSchedule Schedule(IReadOnlyList<MilestonePlan> milestones, double weeklyCapacityHours, DateOnly asOf, ActiveDays? activeDays = null)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (!double.IsFinite(weeklyCapacityHours) || weeklyCapacityHours <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weeklyCapacityHours), weeklyCapacityHours, "The weekly capacity must be more than 0 hours.");
        }
        var byId = new Dictionary<string, MilestonePlan>(StringComparer.Ordinal);
        foreach (var milestone in milestones)
        {
            ArgumentNullException.ThrowIfNull(milestone);
            if (!double.IsFinite(milestone.EstimateHours) || milestone.EstimateHours < 0
                || !double.IsFinite(milestone.HoursWorkedAsOf) || milestone.HoursWorkedAsOf < 0)
            {
                throw new ArgumentException($"Milestone {milestone.Id} has hours that are negative or not finite.", nameof(milestones));
            }
            if (!byId.TryAdd(milestone.Id, milestone))
            {
                throw new ArgumentException($"Milestone id {milestone.Id} appears twice.", nameof(milestones));
            }
        }

        bool IsDone(MilestonePlan m) => m.CompletedOn is { } completed && completed <= asOf;
        IReadOnlyList<string> BlockedBy(MilestonePlan m) =>
            [.. m.DependsOn.Distinct(StringComparer.Ordinal).Where(d => d != m.Id && byId.TryGetValue(d, out var dependency) && !IsDone(dependency))];

        var order = WorkingOrder(milestones.Where(m => !IsDone(m)).ToList(), byId, IsDone);
        var items = new List<ScheduledMilestone>(milestones.Count);
        var hoursPerDay = weeklyCapacityHours / 7;
        var active = activeDays ?? ActiveDays.None;
        var t0 = 0.0;
        DateOnly? finish = null;
        foreach (var milestone in order)
        {
            var remaining = Math.Max(0, milestone.EstimateHours - milestone.HoursWorkedAsOf);
            var t1 = t0 + (remaining / hoursPerDay);
            var startOffset = Math.Floor(Tolerance.SnapToInteger(t0));
            // When t1 = t0 the formula would give the day before the start; snapping can do the same for a sliver of work.
            var finishOffset = Math.Max(startOffset, Math.Ceiling(Tolerance.SnapToInteger(t1)) - 1);
            finish = active.AtOrAfter(asOf, finishOffset);
            // A finish past 2999-12-31 is null, and later than any due date.
            var late = milestone.DueDate is { } due && (finish is not { } finishing || due < finishing);
            items.Add(new ScheduledMilestone(milestone.Id, milestone.Title, MilestoneStatus.Todo, milestone.DueDate, remaining,
                active.AtOrAfter(asOf, startOffset), finish, late, BlockedBy(milestone), null));
            t0 = t1;
        }
        var done = milestones.Where(IsDone).OrderBy(m => m.CompletedOn).ThenBy(m => m.Sequence).ThenBy(m => m.Id, StringComparer.Ordinal);
        foreach (var milestone in done)
        {
            items.Add(new ScheduledMilestone(milestone.Id, milestone.Title, MilestoneStatus.Done, milestone.DueDate, 0,
                null, null, false, BlockedBy(milestone), milestone.CompletedOn));
        }
        return new RoadmapSchedule(order.Count == 0 ? null : order[0].Id, finish, items);
    }

    // Kahn's algorithm, taking the most urgent ready milestone each time. Should the data hold a cycle anyway,
    // the most urgent milestone left is taken as if ready, so every milestone is still scheduled.
    private static List<MilestonePlan> WorkingOrder(
        List<MilestonePlan> todo, Dictionary<string, MilestonePlan> byId, Func<MilestonePlan, bool> isDone)
    {
        var waitingOn = new Dictionary<string, int>(StringComparer.Ordinal);
        var dependents = new Dictionary<string, List<MilestonePlan>>(StringComparer.Ordinal);
        foreach (var milestone in todo)
        {
            var open = milestone.DependsOn.Distinct(StringComparer.Ordinal)
                .Where(d => d != milestone.Id && byId.TryGetValue(d, out var dependency) && !isDone(dependency));
            var count = 0;
            foreach (var dependency in open)
            {
                count++;
                if (!dependents.TryGetValue(dependency, out var list))
                {
                    dependents[dependency] = list = [];
                }
                list.Add(milestone);
            }
            waitingOn[milestone.Id] = count;
        }

        var ready = new PriorityQueue<MilestonePlan, MilestonePlan>(Urgency.Instance);
        foreach (var milestone in todo.Where(m => waitingOn[m.Id] == 0))
        {
            ready.Enqueue(milestone, milestone);
        }
        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<MilestonePlan>(todo.Count);
        while (order.Count < todo.Count)
        {
            if (!ready.TryDequeue(out var next, out _))
            {
                next = todo.Where(m => !scheduled.Contains(m.Id)).Min(Urgency.Instance)!;
            }
            scheduled.Add(next.Id);
            order.Add(next);
            foreach (var dependent in dependents.GetValueOrDefault(next.Id) ?? [])
            {
                if (--waitingOn[dependent.Id] == 0 && !scheduled.Contains(dependent.Id))
                {
                    ready.Enqueue(dependent, dependent);
                }
            }
        }
        return order;
    }

    /// <summary>Earliest due date first (none last), then creation order, then id.</summary>
    private sealed class Urgency : IComparer<MilestonePlan>
    {
        public static readonly Urgency Instance = new();

        public int Compare(MilestonePlan? x, MilestonePlan? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byDue = (x.DueDate, y.DueDate) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } a, { } b) => a.CompareTo(b),
            };
            if (byDue != 0)
            {
                return byDue;
            }
            var bySequence = x.Sequence.CompareTo(y.Sequence);
            return bySequence != 0 ? bySequence : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
