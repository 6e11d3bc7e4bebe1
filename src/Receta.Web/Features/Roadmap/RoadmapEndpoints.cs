namespace Receta.Web.Features.Roadmap;

public static class RoadmapEndpoints
{
    public static void MapRoadmap(this RouteGroupBuilder goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        AddMilestone.Map(goal);
        UpdateMilestone.Map(goal);
        DeleteMilestone.Map(goal);
        GetRoadmap.Map(goal);
        GetRoadmapPdf.Map(goal);
    }
}
