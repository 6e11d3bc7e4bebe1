namespace Receta.Web.Infrastructure;

/// <summary>
/// Refuses a declared body over the limit before reading it (413). Kestrel enforces the same limit
/// on bodies of unknown length while they stream.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > ApiServiceCollectionExtensions.MaxRequestBodyBytes)
        {
            await OutcomeResults.Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                "Request bodies are limited to 1 MiB.").ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
