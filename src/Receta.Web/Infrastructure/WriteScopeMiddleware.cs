namespace Receta.Web.Infrastructure;

/// <summary>A <c>read</c>-scoped token may look but never change anything: 403 on every other method.</summary>
public sealed class WriteScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && CurrentUser.From(http) is { CanWrite: false })
        {
            await Failure.Forbidden("This token has the 'read' scope; changes need a 'write' token.").ToResult().ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
