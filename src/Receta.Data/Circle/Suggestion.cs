using Receta.Core.Circle;

using Receta.Data.Goals;

namespace Receta.Data.Circle;

/// <summary>A milestone a mentor suggests; the owner or a partner accepts it into the roadmap.</summary>
public sealed class Suggestion : IGoalChild
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public Guid AuthorId { get; set; }
    public required string Title { get; set; }
    public DateOnly? DueDate { get; set; }
    public SuggestionStatus Status { get; set; }

    /// <summary>The milestone it became, once accepted.</summary>
    public Guid? MilestoneId { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
