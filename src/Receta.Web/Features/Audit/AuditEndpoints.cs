namespace Receta.Web.Features.Audit;

public static class AuditEndpoints
{
    /// <summary><c>GET /api/v1/audit</c>: sign-ins, token, password, two-factor and circle changes of the caller's account.</summary>
    public static void MapAudit(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        ListAuditEvents.Map(api.MapGroup("/audit").WithTags("Audit"));
    }
}
