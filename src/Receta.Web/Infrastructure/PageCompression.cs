using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Pages go out compressed (Brotli, else gzip): the demo's goal page is about 150 KB of HTML and a
/// tenth of that compressed, which is seconds on a slow phone connection. Compressing over TLS can
/// leak a secret that shares a response with text an attacker reflects into it (BREACH), so only
/// pages whose one secret, the antiforgery token, is new in every response are compressed: the
/// profile (a new access token, a two-factor key, recovery codes) and the API are not.
/// Static files come precompressed from the build.
/// </summary>
public static class PageCompression
{
    public static IServiceCollection AddRecetaPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Brotli's "optimal" is its quality 4, still cheap; gzip, for old browsers only, takes its fastest.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseRecetaPageCompression(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(http => IsCompressed(http.Request.Path), pages => pages.UseResponseCompression());
    }

    public static bool IsCompressed(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/profile", StringComparison.OrdinalIgnoreCase);
}
