using Receta.Core.Roadmap;
using Receta.Data.Goals;

namespace Receta.Web.Features.Roadmap;

public sealed record MilestoneResponse(
    Guid Id,
    string Title,
    DateOnly? DueDate,
    double EstimateHours,
    double? TargetValue,
    IReadOnlyList<Guid> DependsOn,
    MilestoneStatus Status,
    DateOnly? CompletedOn)
{
    public static MilestoneResponse From(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new(milestone.Id, milestone.Title, milestone.DueDate, milestone.EstimateHours, milestone.TargetValue,
            milestone.DependsOn, milestone.Status, milestone.CompletedOn);
    }
}
