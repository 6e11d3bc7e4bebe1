using Receta.Data.Goals;

namespace Receta.Web.Features.Breaks;

public static class BreakResponses
{
    public static BreakResponse From(GoalBreak pause)
    {
        ArgumentNullException.ThrowIfNull(pause);
        return new(pause.Id, pause.From, pause.To, pause.Note, pause.CreatedAt);
    }
}
