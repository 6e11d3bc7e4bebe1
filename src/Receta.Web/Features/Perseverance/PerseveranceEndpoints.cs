namespace Receta.Web.Features.Perseverance;

public static class PerseveranceEndpoints
{
    public static void MapPerseverance(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        RecordAttempt.Map(goal);
        UpdateAttempt.Map(goal);
        DeleteAttempt.Map(goal);
        ListAttempts.Map(goal);
    }
}
