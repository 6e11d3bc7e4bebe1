using Microsoft.AspNetCore.Http.Metadata;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Refuses a declared body over the limit before reading it (413). Kestrel enforces the same limit
/// on bodies of unknown length while they stream. The limit is 1 MiB, or what the endpoint declares
/// (an import's upload; routing raises Kestrel's limit to it).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? ApiLimits.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            var detail = limit == ApiLimits.MaxRequestBodyBytes
                ? "Request bodies are limited to 1 MiB."
                : $"Request bodies here are limited to {limit / (1024 * 1024)} MiB.";
            await new TooLargeFailure(detail).ToResult().ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
