using Receta.Data;

namespace Receta.Web.Features.Health;

public static class HealthEndpoints
{

    /// <summary><c>GET /healthz</c>: 200 when the database answers, 503 otherwise.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (RecetaDbContext db, CancellationToken cancellationToken) =>
            {
                bool up;
                try
                {
                    up = await db.Database.CanConnectAsync(cancellationToken);
                }
                catch (InvalidOperationException)
                {
                    up = false;
                }
                return up
                    ? Results.Ok(new HealthResponse("ok"))
                    : Results.Json(new HealthResponse("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithTags("Health")
            .Produces<HealthResponse>()
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithName("GetHealth");
}
