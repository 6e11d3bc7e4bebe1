using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The web pages speak English, Spanish and Portuguese (Brazil): the language comes from the culture cookie when the
/// person chose one (<c>GET /culture</c>), else from the browser's Accept-Language. Texts live in
/// resource files under <c>Resources/</c>, one per component and language: a language is a file per component.
/// The API keeps its one language, whatever the request says, but for what an import reports about
/// its file: its errors and warnings are written in the language of the request that starts it.
/// </summary>
public static class Localization
{
    public static readonly IReadOnlyList<CultureInfo> SupportedCultures = [new("en"), new("es"), new("pt-BR")];

    /// <summary>Each language's name in itself, as the language links and the profile offer it: English, Español, Português (Brasil).</summary>
    public static string NativeName(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var name = culture.NativeName;
        return string.Concat(name[..1].ToUpper(culture), name[1..]);
    }

    /// <summary>The language of a request that names none: English.</summary>
    public static CultureInfo DefaultCulture => SupportedCultures[0];

    /// <summary>The supported culture of that name (<c>en</c>, <c>es</c>, <c>pt-BR</c>, in any case), or null.</summary>
    public static CultureInfo? Supported(string? name) =>
        SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The supported culture closest to <paramref name="name"/>: that one, else one of the same
    /// language (pt-PT reads pt-BR, es-MX reads es), else null.
    /// </summary>
    public static CultureInfo? Closest(string? name) =>
        Supported(name)
        ?? SupportedCultures.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, name?.Split('-')[0], StringComparison.OrdinalIgnoreCase));

    /// <summary>What an account reads in when it is written to (an email, its calendar, its PDF): its language, else English.</summary>
    public static CultureInfo OfAccount(string? language) => Supported(language) ?? DefaultCulture;

    /// <summary>
    /// <paramref name="write"/> in <paramref name="culture"/>: texts for someone other than the
    /// request's reader (an email, a calendar feed), whose resources are looked up in the UI culture.
    /// </summary>
    public static T InCulture<T>(CultureInfo culture, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// The text of <paramref name="key"/> for a number of things, <paramref name="count"/>: the key's
    /// <c>_one</c> text ("{0} day") where the reader's language calls that count singular, else the
    /// key's own ("{0} days"), filled in with <paramref name="arguments"/>. A resource file gives a
    /// language its forms; the rule is the language's CLDR "one": 1 in English and Spanish, any count
    /// under 2 in Portuguese (0 dia, 1 dia, 1,5 hora).
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer texts, string key, double count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var one = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pt" ? Math.Abs(count) < 2 : count == 1;
        return texts[one ? $"{key}_one" : key, arguments];
    }

    public static IServiceCollection AddRecetaLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = [.. SupportedCultures];
            options.SupportedUICultures = [.. SupportedCultures];
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageByLanguage()];
        });
        return services;
    }

    /// <summary>Sets the culture of every request but the API's, except its imports' (see <c>ImportRunner</c>).</summary>
    public static IApplicationBuilder UseRecetaLocalization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || http.Request.Path.StartsWithSegments("/api/v1/imports", StringComparison.OrdinalIgnoreCase),
            pages => pages.UseRequestLocalization());
    }

    /// <summary>
    /// <c>GET /culture?c=es&amp;redirect=/</c>: remembers the language for a year and goes back to
    /// the page (a path of this site only; anything else goes home). A link, so it works without JavaScript.
    /// </summary>
    public static void MapCulture(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? redirect, HttpContext http) =>
            {
                Remember(http, c);
                return TypedResults.LocalRedirect(LocalPath(redirect));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>Keeps the person's language (a supported culture name) for a year in the culture cookie; anything else is ignored.</summary>
    public static void Remember(HttpContext http, string? cultureName)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (SupportedCultures.FirstOrDefault(s => s.Name == cultureName) is not { } culture)
        {
            return;
        }
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            PreferenceCookies.For(http));
    }

    /// <summary>A path of this site to go back to, or <c>/</c>: never another site (no open redirect).</summary>
    public static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            ? path
            : "/";
}

/// <summary>
/// The browser's languages in its order of preference, each matched by its name or else by its
/// language alone: a browser set to Portuguese (pt, pt-PT) reads Portuguese (Brazil) rather than
/// English, as one set to es-MX reads Spanish. ASP.NET's own provider falls back only from a
/// specific culture to its parent, and pt-BR's parent (pt) is not a language Receta offers.
/// </summary>
internal sealed class AcceptLanguageByLanguage : RequestCultureProvider
{
    private const int MaxLanguagesRead = 5;

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1).Take(MaxLanguagesRead))
        {
            if (Localization.Closest(language.Value.Value) is { } supported)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(supported.Name));
            }
        }
        return NullProviderCultureResult;
    }
}
