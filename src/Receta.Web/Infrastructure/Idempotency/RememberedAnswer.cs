namespace Receta.Web.Infrastructure.Idempotency;

/// <summary>The answer remembered for an idempotency key, sent again as the first request got it.</summary>
internal sealed class RememberedAnswer(int status, string? contentType, string? location, byte[] body) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        if (location is not null)
        {
            response.Headers.Location = location;
        }
        await WriteBodyAsync(response, body);
    }

    /// <summary>Sends a held or remembered body, with its length; an empty one is not written at all (a 204 has none).</summary>
    public static async Task WriteBodyAsync(HttpResponse response, byte[] body)
    {
        if (body.Length == 0)
        {
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, CancellationToken.None);
    }
}
