namespace Receta.Web.Features.Preparation;

public static class PreparationEndpoints
{
    public static void MapPreparation(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        AddSkill.Map(goal);
        UpdateSkill.Map(goal);
        DeleteSkill.Map(goal);
        GetReadiness.Map(goal);
    }
}
