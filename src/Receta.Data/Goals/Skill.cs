namespace Receta.Data.Goals;

public sealed class Skill : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public required string Name { get; set; }
    public int Level { get; set; }
    public int TargetLevel { get; set; }
    public List<SkillResource> Resources { get; set; } = [];

    /// <summary>The attempt of the same goal whose lesson this applies, or null; cleared when that attempt is deleted.</summary>
    public Guid? FromAttemptId { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class SkillResource
{
    public required string Title { get; set; }
    public string? Url { get; set; }
    public bool Done { get; set; }
}
