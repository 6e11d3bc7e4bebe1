using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Perseverance;

/// <summary>The rules of a attempt's writable fields: read from a stored one, validated and written back.</summary>
public static class AttemptRules
{
    public static AttemptFields From(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Title, attempt.Date, attempt.Outcome, attempt.Feedback, attempt.Lesson);
    }

    public static Failure? TryApplyTo(this AttemptFields fields, Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(attempt);
        var errors = new RequestErrors();
        var title = errors.Title(fields.Title, "title");
        var date = errors.Date(fields.Date, "date");
        var outcome = errors.Required(fields.Outcome, "outcome");
        var feedback = errors.Text(fields.Feedback, "feedback");
        var lesson = errors.Text(fields.Lesson, "lesson");
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
