using Receta.Data.Goals;

namespace Receta.Web.Features.Perseverance;

public static class AttemptResponses
{
    public static AttemptResponse From(Attempt attempt, int number)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Id, number, attempt.Title, attempt.Date, attempt.Outcome, attempt.Feedback, attempt.Lesson, attempt.CreatedAt);
    }
}
