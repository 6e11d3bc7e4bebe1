namespace Receta.Web.Features.Dashboard;

public static class DashboardEndpoints
{
    public static void MapDashboard(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        GetDashboard.Map(api.MapGroup("/dashboard").WithTags("Dashboard"));
    }
}
