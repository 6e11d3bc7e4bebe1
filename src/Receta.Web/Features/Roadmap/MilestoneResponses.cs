using Receta.Data.Goals;

namespace Receta.Web.Features.Roadmap;

public static class MilestoneResponses
{
    public static MilestoneResponse From(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new(milestone.Id, milestone.Title, milestone.DueDate, milestone.EstimateHours, milestone.TargetValue,
            milestone.DependsOn, milestone.Status, milestone.CompletedOn, milestone.FromAttemptId);
    }
}
