namespace Receta.Web.Infrastructure;

/// <summary>
/// Addresses on the configured public address (<c>Receta:PublicUrl</c>), never the request's Host
/// header: for links in emails and documents, which are often written outside any request.
/// </summary>
public static class PublicUrls
{
    public const string DefaultHome = "http://localhost:5000";

    public static Uri Home(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new Uri((configuration["Receta:PublicUrl"] ?? DefaultHome).TrimEnd('/') + "/");
    }

    /// <summary>The page at <paramref name="path"/> (relative, e.g. <c>goals/{id}</c>).</summary>
    public static Uri Of(IConfiguration configuration, string path) => new(Home(configuration), path);
}
