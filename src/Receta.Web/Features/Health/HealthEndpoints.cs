using Microsoft.EntityFrameworkCore;
using Receta.Data;
using Receta.Web.Infrastructure;

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
                    // A real read, not just a connection: a SQLite file opens even while another
                    // process holds it locked, and then no query of the app would be answered.
                    await db.Users.AsNoTracking().AnyAsync(cancellationToken);
                    up = true;
                }
                catch (Exception exception) when (DatabaseOutage.IsOutage(exception) || exception is InvalidOperationException)
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
            .WithName("GetHealth")
            .WithDescription("200 when the database answers (a real read), 503 otherwise. No credentials needed.");
}
