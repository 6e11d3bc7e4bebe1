namespace Receta.Web.Features.Progress;

public static class ProgressEndpoints
{
    public static void MapProgress(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        AddEntry.Map(goal);
        ListEntries.Map(goal);
        DeleteEntry.Map(goal);
        GetProgress.Map(goal);
        GetCalibration.Map(goal);
    }
}
