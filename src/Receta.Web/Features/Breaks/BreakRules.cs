using Receta.Core.Breaks;
using Receta.Data.Goals;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Breaks;

/// <summary>The rules of a break's writable fields: read from a stored one, validated and written back.</summary>
public static class BreakRules
{
    public static BreakFields From(GoalBreak pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return new(pause.From, pause.To, pause.Note);
    }

    /// <summary>Validates the fields and writes them to <paramref name="pause"/>, unless it would overlap one of <paramref name="others"/>.</summary>
    public static Failure? TryApplyTo(this BreakFields fields, GoalBreak pause, IReadOnlyList<GoalBreak> others)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(pause);
        ArgumentNullException.ThrowIfNull(others);
        var errors = new RequestErrors();
        var from = errors.Date(fields.From, "from");
        var to = errors.Date(fields.To, "to");
        var note = errors.Text(fields.Note, "note");
        if (!errors.Any && to < from)
        {
            errors.Add("to", "A break ends on or after the day it starts.");
        }
        else if (!errors.Any && new DateRange(from, to).Days > DateRange.LongestBreakDays)
        {
            errors.Add("to", $"A break lasts at most {DateRange.LongestBreakDays} days.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var range = new DateRange(from, to);
        if (others.FirstOrDefault(other => other.Id != pause.Id && range.Overlaps(new DateRange(other.From, other.To))) is { } overlapped)
        {
            return Failure.Conflict($"This break overlaps the break from {overlapped.From:yyyy-MM-dd} to {overlapped.To:yyyy-MM-dd}.");
        }
        pause.From = from;
        pause.To = to;
        pause.Note = note;
        return null;
    }
}
