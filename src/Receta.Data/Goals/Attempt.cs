using Receta.Core.Perseverance;

namespace Receta.Data.Goals;

public sealed class Attempt : IGoalChild, IImported
{
    public Guid OwnerId { get; set; }
    public Guid Id { get; set; }
    public Guid GoalId { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public AttemptOutcome Outcome { get; set; }
    public string? Feedback { get; set; }
    public string? Lesson { get; set; }
    public string? ImportKey { get; set; }

    public long Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
