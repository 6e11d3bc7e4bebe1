namespace Receta.Web.Infrastructure;

/// <summary>
/// How a browser keeps a person's preferences (the language, the theme): a year, for the server
/// only, sent with a link followed from elsewhere (Lax), over https when the page is. They hold no
/// secret; they spare the pages a query for what the account chose.
/// </summary>
internal static class PreferenceCookies
{
    public static CookieOptions For(HttpContext http) => new()
    {
        Path = "/",
        MaxAge = TimeSpan.FromDays(365),
        IsEssential = true,
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
    };
}
