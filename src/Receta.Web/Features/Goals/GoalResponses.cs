using Receta.Core.Circle;
using Receta.Data.Goals;

namespace Receta.Web.Features.Goals;

public static class GoalResponses
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
