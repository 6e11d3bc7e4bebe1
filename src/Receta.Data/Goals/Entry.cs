namespace Receta.Data.Goals;

public sealed class Entry : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public DateOnly Date { get; set; }
    public double? Value { get; set; }
    public string? Note { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
