using Microsoft.AspNetCore.Antiforgery;

namespace Receta.Web.Infrastructure;

/// <summary>
/// A browser sends its cookie with any request, including one a hostile page makes it send; so a
/// cookie-authenticated change (any method but GET, HEAD, OPTIONS, TRACE) must also carry the
/// antiforgery token from <c>GET /api/v1/auth/antiforgery</c>, in the <c>X-CSRF-TOKEN</c> header
/// or the form field. Without it: 403, and nothing changes. A bearer token is never sent by a
/// browser on its own, so token requests need none.
/// </summary>
public sealed class CookieAntiforgeryMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(antiforgery);
        var method = http.Request.Method;
        var changes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        if (changes && SessionCookie.IsCookieAuthenticated(http.User) && !await antiforgery.IsRequestValidAsync(http))
        {
            await Failure.Forbidden(
                    $"The antiforgery token is missing or invalid: changes made with the session cookie need the token of GET /api/v1/auth/antiforgery in the '{HeaderName}' header.")
                .ToResult().ExecuteAsync(http);
            return;
        }
        await next(http);
    }
}
