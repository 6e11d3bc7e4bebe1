using Receta.Data.Goals;

namespace Receta.Data.Circle;

/// <summary>A cheer or comment left on a goal by someone in its circle (or its owner).</summary>
public sealed class Cheer : IGoalChild
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public Guid AuthorId { get; set; }
    public required string Message { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
