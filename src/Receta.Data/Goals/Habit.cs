using System.Diagnostics.CodeAnalysis;

namespace Receta.Data.Goals;

public sealed class Habit : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public required string Title { get; set; }
    public int Times { get; set; }
    public int PerDays { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A mark on one date of a habit, a check or a skip: a date holds at most one.</summary>
public interface IHabitMark
{
    Guid OwnerId { get; }
    Guid HabitId { get; }

    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The marks' column is Date, as every dated item's; no Visual Basic code implements it.")]
    DateOnly Date { get; }
}

/// <summary>One date a habit was done; at most one per habit and date.</summary>
public sealed class HabitCheck : IHabitMark
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
public sealed class HabitSkip : IHabitMark
{
    public Guid OwnerId { get; set; }
    public Guid HabitId { get; set; }
    public DateOnly Date { get; set; }
    public Guid GoalId { get; set; }
}
