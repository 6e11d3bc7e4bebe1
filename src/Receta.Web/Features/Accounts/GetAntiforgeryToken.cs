using Microsoft.AspNetCore.Antiforgery;

namespace Receta.Web.Features.Accounts;

/// <summary>
/// The antiforgery token a browser sends with every change it makes with the session cookie (in
/// the <c>X-CSRF-TOKEN</c> header or the form field). It is bound to the signed-in account: fetch
/// a new one after signing in.
/// </summary>
public static class GetAntiforgeryToken
{
    public static void Map(RouteGroupBuilder auth) =>
        auth.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.RequestToken!, tokens.HeaderName!, tokens.FormFieldName));
            })
            .AllowAnonymous()
            .Produces<AntiforgeryTokenResponse>()
            .WithDescription("The token a cookie-authenticated client sends with every change.");
}
