namespace Receta.Web.Features.Breaks;

public static class BreakEndpoints
{
    public static void MapBreaks(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        AddBreak.Map(goal);
        UpdateBreak.Map(goal);
        DeleteBreak.Map(goal);
        ListBreaks.Map(goal);
    }
}
