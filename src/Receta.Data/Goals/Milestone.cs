using Receta.Core.Roadmap;

namespace Receta.Data.Goals;

public sealed class Milestone : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public required string Title { get; set; }
    public DateOnly? DueDate { get; set; }
    public double EstimateHours { get; set; }
    public double? TargetValue { get; set; }
    public List<Guid> DependsOn { get; set; } = [];
    public MilestoneStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The attempt of the same goal whose lesson this applies, or null; cleared when that attempt is deleted.</summary>
    public Guid? FromAttemptId { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
