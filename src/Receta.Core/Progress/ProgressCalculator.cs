using Receta.Core.Breaks;
using Receta.Core.Purpose;
using Receta.Core.Work;

namespace Receta.Core.Progress;

/// <summary>How far a goal is as of a day: recipe.md §2, exactly.</summary>
public static class ProgressCalculator
{
    /// <summary>
    /// Computes the progress view as if today were <paramref name="asOf"/>: only entries dated on or
    /// before it count; the goal's fields, waypoints and milestone count are taken as they are now.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The history belongs to another measure, the target date is not after the start date, or the milestone counts are impossible.
    /// </exception>
    public static ProgressReport Compute(ProgressInput input, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.MilestonesTotal < 0 || input.MilestonesDoneAsOf < 0 || input.MilestonesDoneAsOf > input.MilestonesTotal)
        {
            throw new ArgumentException("Done milestones must be between 0 and all milestones.", nameof(input));
        }
        if (input.Measure is not { } measure)
        {
            var percent = input.MilestonesTotal == 0 ? 0 : Rounding.ToTenth(100.0 * input.MilestonesDoneAsOf / input.MilestonesTotal);
            return new ProgressReport(asOf, null, null, null, null, percent, false, null, null, null, null, null, null, null,
                ProgressStatus.Open, null, null, null, null);
        }
        ArgumentNullException.ThrowIfNull(input.Waypoints);
        var history = input.History ?? new MeasureHistory(measure, []);
        if (!history.Measure.Equals(measure))
        {
            throw new ArgumentException("The history was prepared for another measure.", nameof(input));
        }
        if (!double.IsFinite(input.WeeklyCapacityHours) || input.WeeklyCapacityHours <= 0)
        {
            throw new ArgumentException("The weekly capacity must be more than 0 hours.", nameof(input));
        }
        var active = input.Breaks ?? ActiveDays.None;

        var a = asOf.DayNumber;
        var d0 = input.StartDate.DayNumber;
        var s = measure.Start;
        var t = measure.Target;
        var dir = measure.Direction;
        var c = history.ValueAsOf(asOf);
        var achieved = IsAchieved(c, measure);
        var remaining = achieved ? 0 : Math.Max(0, dir * (t - c));
        var percentComplete = Rounding.ToTenth(Math.Clamp(100 * (c - s) / (t - s), 0, 100));

        // Rates count active days only: a break neither earns nor costs pace.
        var from = Math.Max(d0, a - 28);
        var cFrom = history.ValueAsOf(from);
        var recentDays = active.Count(from, a);
        var recentRate = recentDays <= 0 ? 0 : (c - cFrom) / recentDays;

        DateOnly? projected = null;
        if (!achieved && dir * recentRate > 0)
        {
            projected = active.NthAfter(asOf, Math.Ceiling(Tolerance.SnapToInteger(remaining / Math.Abs(recentRate))));
        }

        var (hoursPerUnit, hoursToFinish, finishAtCapacity) = EffortToOutcome(input, active, asOf, from, dir, c, cFrom, achieved, remaining);
        var outlook = MonteCarloForecast.Compute(input.GoalId, asOf, history, measure, input.StartDate, input.TargetDate, active);
        var forecast = outlook?.Forecast;

        if (input.TargetDate is not { } targetDate)
        {
            return new ProgressReport(asOf, c, s, t, remaining, percentComplete, achieved, null, null, null,
                recentRate, null, projected, forecast, achieved ? ProgressStatus.Achieved : ProgressStatus.Open,
                hoursPerUnit, hoursToFinish, finishAtCapacity, null);
        }

        var road = new Road(input.StartDate, s, targetDate, t, input.Waypoints, active);
        var roadToday = road.ValueOn(asOf);
        var aheadBy = dir * (c - roadToday);
        var dT = targetDate.DayNumber;
        var daysLeft = active.Count(a, dT);
        double? requiredRate = !achieved && dT > a && daysLeft > 0 ? (t - c) / daysLeft : null;
        int? bufferDays = achieved ? null : BufferDays(road, c, dir, a, d0, dT);
        double? onTime = achieved ? 1 : a >= dT ? 0 : outlook?.OnTimeFraction;

        var status = (achieved, bufferDays) switch
        {
            (true, _) => ProgressStatus.Achieved,
            (_, >= 7) => ProgressStatus.Ahead,
            (_, >= 0) => ProgressStatus.OnTrack,
            _ when requiredRate is { } required && Tolerance.Compare(dir * required, 2 * dir * recentRate) <= 0 => ProgressStatus.Behind,
            _ => ProgressStatus.OffTrack,
        };
        return new ProgressReport(asOf, c, s, t, remaining, percentComplete, achieved, roadToday, aheadBy, bufferDays,
            recentRate, requiredRate, projected, forecast, status, hoursPerUnit, hoursToFinish, finishAtCapacity, onTime);
    }

    // Effort to outcome: what a unit of progress cost in hours over the recent window, and where the planned hours lead.
    private static (double? HoursPerUnit, double? HoursToFinish, DateOnly? FinishAtCapacity) EffortToOutcome(
        ProgressInput input, ActiveDays active, DateOnly asOf, int from, int dir, double c, double cFrom, bool achieved, double remaining)
    {
        var hours = (input.Work ?? WorkHistory.None).HoursBetween(DateOnly.FromDayNumber(from), asOf);
        if (hours <= 0 || Tolerance.Compare(dir * c, dir * cFrom) <= 0)
        {
            return (null, null, null);
        }
        var hoursPerUnit = hours / (dir * (c - cFrom));
        if (achieved)
        {
            return (hoursPerUnit, null, null);
        }
        var hoursToFinish = remaining * hoursPerUnit;
        var days = Math.Max(1, Math.Ceiling(Tolerance.SnapToInteger(hoursToFinish / (input.WeeklyCapacityHours / 7))));
        return (hoursPerUnit, hoursToFinish, active.NthAfter(asOf, days));
    }

    /// <summary><c>dir·(c − t) ≥ 0</c>, with c and t equal within the tolerance counting as reached.</summary>
    internal static bool IsAchieved(double current, Measure measure) =>
        Tolerance.Compare(current, measure.Target) * measure.Direction >= 0;

    private static int BufferDays(Road road, double c, int dir, int a, int d0, int dT)
    {
        if (Tolerance.Compare(c, road.ValueOn(a)) * dir >= 0)
        {
            // Not achieved, so the road (t from dT on) is ahead of c by max(a + 1, dT) at the latest: the search always ends.
            var firstAhead = road.FirstDayAhead(c, dir, a + 1, Math.Max(a + 1, dT))
                ?? throw new InvalidOperationException("The road ends at the target, which is ahead of a goal not achieved.");
            return firstAhead - a - 1;
        }
        var passedOn = road.LastDayNotAhead(c, dir, d0, a - 1);
        return passedOn is { } day ? -(a - day) : -Math.Max(1, a - d0);
    }
}
