namespace Receta.Web.Infrastructure;

/// <summary>
/// The pages' colours: the device's (prefers-color-scheme) unless the account chose light or dark
/// on its profile. The choice is kept on the account and, for the pages to read it without a
/// query, in a cookie set when it is saved and at sign-in; the page shell puts it on
/// <c>&lt;html data-theme&gt;</c>, which the stylesheet obeys over the device.
/// </summary>
public static class Themes
{
    public const string Light = "light";
    public const string Dark = "dark";

    public static readonly IReadOnlyList<string> Names = [Light, Dark];

    public const string CookieName = "receta-theme";

    /// <summary>The theme of that name, or null (the device's) for none or one unknown.</summary>
    public static string? Known(string? name) => Names.FirstOrDefault(n => n == name);

    /// <summary>The theme this browser's pages are drawn in, or null to follow the device.</summary>
    public static string? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Known(http.Request.Cookies[CookieName]);
    }

    /// <summary>Keeps the account's theme for this browser for a year; null forgets it (the device's again).</summary>
    public static void Remember(HttpContext http, string? theme)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Known(theme) is not { } known)
        {
            http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = http.Request.IsHttps });
            return;
        }
        http.Response.Cookies.Append(CookieName, known, PreferenceCookies.For(http));
    }
}
