using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Receta.Testing;

/// <summary>
/// Lets a test client say which network address it stands for (<see cref="HeaderName"/>), so that
/// per-address limits see many clients instead of one. Only <see cref="RecetaApp"/> installs it.
/// </summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public const string HeaderName = "X-Receta-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(HeaderName, out var value) && IPAddress.TryParse(value, out var address))
            {
                http.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(http);
        });
        next(app);
    };
}
