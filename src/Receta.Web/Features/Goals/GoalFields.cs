using Receta.Core.Purpose;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>The writable fields of a goal, as a client sends them to create one or as a merge patch leaves them.</summary>
public sealed record GoalFields(
    string? Title,
    string? Purpose = null,
    string? ParentId = null,
    DateOnly? StartDate = null,
    DateOnly? TargetDate = null,
    double? WeeklyCapacityHours = null,
    bool? NoPreparationNeeded = null,
    MeasureFields? Measure = null,
    GoalStatus? Status = null)
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
    public bool TryApplyTo(Goal goal, DateOnly today, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(errors);
        var title = errors.Title(Title, "title");
        var purpose = errors.Text(Purpose, "purpose");
        var startDate = errors.OptionalDate(StartDate, "startDate") ?? today;
        var targetDate = errors.OptionalDate(TargetDate, "targetDate");
        if (targetDate is { } target && target <= startDate)
        {
            errors.Add("targetDate", "'targetDate' must be after 'startDate'.");
        }
        var capacity = errors.OptionalNumber(WeeklyCapacityHours, "weeklyCapacityHours", 0, 168)
            ?? DefaultWeeklyCapacityHours;
        if (capacity <= 0)
        {
            errors.Add("weeklyCapacityHours", "'weeklyCapacityHours' must be more than 0 and at most 168.");
        }
        var measure = Measure?.Read(errors);
        if (errors.Any)
        {
            return false;
        }

        goal.Title = title;
        goal.Purpose = purpose;
        goal.StartDate = startDate;
        goal.TargetDate = targetDate;
        goal.WeeklyCapacityHours = capacity;
        goal.NoPreparationNeeded = NoPreparationNeeded ?? false;
        goal.Status = Status ?? GoalStatus.Active;
        goal.MeasureUnit = measure?.Unit;
        goal.MeasureStart = measure?.Start;
        goal.MeasureTarget = measure?.Target;
        goal.MeasureAggregation = measure?.Aggregation;
        return true;
    }
}

/// <summary>A goal's measure as sent: <c>start</c> defaults to 0 and <c>aggregation</c> to <c>sum</c>.</summary>
public sealed record MeasureFields(string? Unit, double? Start, double? Target, Aggregation? Aggregation)
{
    public Measure? Read(RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var unit = Unit?.Trim() ?? "";
        if (unit.Length > RequestErrors.MaxTitleLength)
        {
            errors.Add("measure.unit", $"'measure.unit' must be at most {RequestErrors.MaxTitleLength} characters.");
        }
        var start = errors.OptionalNumber(Start, "measure.start") ?? 0;
        var target = errors.Number(Target, "measure.target");
        var aggregation = Aggregation ?? Core.Purpose.Aggregation.Sum;
        if (errors.Any)
        {
            return null;
        }
        if (start == target)
        {
            errors.Add("measure.target", "'measure.target' must differ from 'measure.start'.");
            return null;
        }
        if (aggregation == Core.Purpose.Aggregation.Count && target < start)
        {
            errors.Add("measure.target", "A 'count' measure needs 'target' above 'start'.");
            return null;
        }
        return new Measure(unit, start, target, aggregation);
    }
}
