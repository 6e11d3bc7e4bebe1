using Receta.Core.Purpose;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>The rules of a goal's writable fields: read from a stored one, validated and written back.</summary>
public static class GoalRules
{
    public const double DefaultWeeklyCapacityHours = 5;

    public static GoalFields From(Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return new(
            goal.Title, goal.Purpose, goal.ParentId?.ToString(), goal.StartDate, goal.TargetDate,
            goal.WeeklyCapacityHours, goal.NoPreparationNeeded,
            goal.Measure is { } m ? new MeasureFields(m.Unit, m.Start, m.Target, m.Aggregation) : null,
            goal.Status);
    }

    /// <summary>Validates the fields (defaults for what is missing) and writes them onto <paramref name="goal"/> when valid.</summary>
    public static bool TryApplyTo(this GoalFields fields, Goal goal, DateOnly today, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(errors);
        var title = errors.Title(fields.Title, "title");
        var purpose = errors.Text(fields.Purpose, "purpose");
        var startDate = errors.OptionalDate(fields.StartDate, "startDate") ?? today;
        var targetDate = errors.OptionalDate(fields.TargetDate, "targetDate");
        if (targetDate is { } target && target <= startDate)
        {
            errors.Add("targetDate", "'targetDate' must be after 'startDate'.");
        }
        var capacity = errors.OptionalNumber(fields.WeeklyCapacityHours, "weeklyCapacityHours", 0, ApiLimits.MaxWeeklyCapacityHours)
            ?? DefaultWeeklyCapacityHours;
        if (capacity <= 0)
        {
            errors.Add("weeklyCapacityHours", "'weeklyCapacityHours' must be more than 0 and at most 168.");
        }
        var measure = fields.Measure?.Read(errors);
        if (errors.Any)
        {
            return false;
        }

        goal.Title = title;
        goal.Purpose = purpose;
        goal.StartDate = startDate;
        goal.TargetDate = targetDate;
        goal.WeeklyCapacityHours = capacity;
        goal.NoPreparationNeeded = fields.NoPreparationNeeded ?? false;
        goal.Status = fields.Status ?? GoalStatus.Active;
        goal.MeasureUnit = measure?.Unit;
        goal.MeasureStart = measure?.Start;
        goal.MeasureTarget = measure?.Target;
        goal.MeasureAggregation = measure?.Aggregation;
        return true;
    }

    private static Measure? Read(this MeasureFields fields, RequestErrors errors)
    {
        var unit = fields.Unit?.Trim() ?? "";
        if (unit.Length > RequestErrors.MaxTitleLength)
        {
            errors.Add("measure.unit", $"'measure.unit' must be at most {RequestErrors.MaxTitleLength} characters.");
        }
        var start = errors.OptionalNumber(fields.Start, "measure.start") ?? 0;
        var target = errors.Number(fields.Target, "measure.target");
        var aggregation = fields.Aggregation ?? Aggregation.Sum;
        if (errors.Any)
        {
            return null;
        }
        if (start == target)
        {
            errors.Add("measure.target", "'measure.target' must differ from 'measure.start'.");
            return null;
        }
        if (aggregation == Aggregation.Count && target < start)
        {
            errors.Add("measure.target", "A 'count' measure needs 'target' above 'start'.");
            return null;
        }
        return new Measure(unit, start, target, aggregation);
    }
}
