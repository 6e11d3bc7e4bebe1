using Receta.Core.Circle;
using Receta.Core.Purpose;
using Receta.Data.Goals;

namespace Receta.Web.Features.Goals;

public sealed record GoalResponse(
    Guid Id,
    string Title,
    string? Purpose,
    Guid? ParentId,
    DateOnly StartDate,
    DateOnly? TargetDate,
    double WeeklyCapacityHours,
    bool NoPreparationNeeded,
    MeasureResponse? Measure,
    GoalStatus Status,
    CircleRole Role,
    DateTimeOffset CreatedAt)
{
    public static GoalResponse From(Goal goal, CircleRole role)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return new(
            goal.Id, goal.Title, goal.Purpose, goal.ParentId, goal.StartDate, goal.TargetDate,
            goal.WeeklyCapacityHours, goal.NoPreparationNeeded,
            goal.Measure is { } m ? new MeasureResponse(m.Unit, m.Start, m.Target, m.Aggregation) : null,
            goal.Status, role, goal.CreatedAt);
    }
}

public sealed record MeasureResponse(string Unit, double Start, double Target, Aggregation Aggregation);
