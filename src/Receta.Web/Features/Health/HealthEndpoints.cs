using Receta.Data;

namespace Receta.Web.Features.Health;

public static class HealthEndpoints
{
    public sealed record Response(string Status);

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
                    ? Results.Ok(new Response("ok"))
                    : Results.Json(new Response("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithTags("Health");
}
