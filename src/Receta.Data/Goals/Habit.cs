namespace Receta.Data.Goals;

public sealed class Habit : IGoalChild
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public required string Title { get; set; }
    public int Times { get; set; }
    public int PerDays { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One date a habit was done; at most one per habit and date.</summary>
public sealed class HabitCheck
{
    public Guid OwnerId { get; set; }
    public Guid HabitId { get; set; }
    public DateOnly Date { get; set; }
    public Guid GoalId { get; set; }
}

/// <summary>
/// One date a habit was excused (travel, illness, a rest day): it neither counts for nor against the
/// habit. A date holds at most one mark, a check or a skip.
/// </summary>
public sealed class HabitSkip
{
    public Guid OwnerId { get; set; }
    public Guid HabitId { get; set; }
    public DateOnly Date { get; set; }
    public Guid GoalId { get; set; }
}
