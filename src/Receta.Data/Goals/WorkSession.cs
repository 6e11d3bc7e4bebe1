namespace Receta.Data.Goals;

public sealed class WorkSession : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public DateOnly Date { get; set; }
    public int Minutes { get; set; }
    public string? Note { get; set; }
    public Guid? MilestoneId { get; set; }
    public Guid? SkillId { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
