namespace Receta.Data.Goals;

/// <summary>
/// Time off from a goal: the days <see cref="From"/> to <see cref="To"/>, both included. The road
/// waits, rates count only active days and the schedule gives these days no capacity (recipe.md,
/// "Breaks and skips"). The breaks of one goal never overlap.
/// </summary>
public sealed class GoalBreak : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Note { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
