using Receta.Core.Perseverance;
using Receta.Data.Goals;

namespace Receta.Web.Features.Perseverance;

public sealed record AttemptResponse(
    Guid Id,
    int Number,
    string Title,
    DateOnly Date,
    AttemptOutcome Outcome,
    string? Feedback,
    string? Lesson,
    DateTimeOffset CreatedAt)
{
    public static AttemptResponse From(Attempt attempt, int number)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Id, number, attempt.Title, attempt.Date, attempt.Outcome, attempt.Feedback, attempt.Lesson, attempt.CreatedAt);
    }
}
