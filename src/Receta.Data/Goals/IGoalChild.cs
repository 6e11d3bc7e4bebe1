namespace Receta.Data.Goals;

/// <summary>Something that lives under one goal and is found by its own id within it.</summary>
public interface IGoalChild
{
    Guid OwnerId { get; }
    Guid GoalId { get; }
    Guid Id { get; }
}
