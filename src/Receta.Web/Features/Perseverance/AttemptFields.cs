using Receta.Core.Perseverance;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

/// <summary>One try at a gated outcome: an application, an exam, an audition, a race.</summary>
public sealed record AttemptFields(string? Title, DateOnly? Date, AttemptOutcome? Outcome, string? Feedback = null, string? Lesson = null)
    : IWritableFields<Attempt, AttemptFields>
{
    public static AttemptFields From(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Title, attempt.Date, attempt.Outcome, attempt.Feedback, attempt.Lesson);
    }

    public Failure? TryApplyTo(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var errors = new RequestErrors();
        var title = errors.Title(Title, "title");
        var date = errors.Date(Date, "date");
        var outcome = errors.Required(Outcome, "outcome");
        var feedback = errors.Text(Feedback, "feedback");
        var lesson = errors.Text(Lesson, "lesson");
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        attempt.Title = title;
        attempt.Date = date;
        attempt.Outcome = outcome;
        attempt.Feedback = feedback;
        attempt.Lesson = lesson;
        return null;
    }
}
