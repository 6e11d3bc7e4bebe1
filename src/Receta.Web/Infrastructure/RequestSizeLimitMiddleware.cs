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
        if (http.Request.ContentLength > ApiLimits.MaxRequestBodyBytes)
        {
            await new TooLargeFailure("Request bodies are limited to 1 MiB.").ToResult().ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
