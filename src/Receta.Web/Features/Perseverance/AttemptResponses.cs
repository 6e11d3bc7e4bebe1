using Receta.Core.Perseverance;
using Receta.Data.Goals;

namespace Receta.Web.Features.Perseverance;

public static class AttemptResponses
{
    public static AttemptResponse From(Attempt attempt, AttemptComeback comeback)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(comeback);
        return new(attempt.Id, comeback.Attempt.Number, attempt.Title, attempt.Date, attempt.Outcome, attempt.Feedback, attempt.Lesson,
            attempt.CreatedAt, comeback.AppliedIn.Select(a => new AppliedItemResponse(a.Kind, Guid.Parse(a.Id))).ToList(), comeback.ComebackDays);
    }
}
