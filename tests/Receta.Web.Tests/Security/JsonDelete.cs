using System.Net.Http.Json;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

internal static class JsonDelete
{
    /// <summary>A DELETE with a JSON body, as <c>DELETE /api/v1/me</c> and <c>DELETE /api/v1/me/2fa</c> take.</summary>
    public static async Task<HttpResponseMessage> DeleteJsonAsync(this HttpClient client, string uri, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Delete, uri) { Content = JsonContent.Create(body, options: HttpJson.Options) };
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
