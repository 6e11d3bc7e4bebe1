namespace Receta.Web.Features.Exporting;

public static class ExportEndpoints
{
    public static void MapExport(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        ExportAccount.Map(api);
    }
}
