using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Receta.Testing;

namespace Receta.Web.Tests.Security;

/// <summary>
/// A browser on the app: over https (the session cookie is Secure), from an address of its own, and
/// with its cookies kept here by hand so that a test can read their attributes and replay a copy.
/// Sends the antiforgery token it was given with every change unless told not to.
/// </summary>
internal sealed class Browser : IDisposable
{
    public const string SessionCookie = "__Host-receta";
    private const string ClientAddressHeader = "X-Receta-Test-Client-Address";
    private static int s_count;

    private readonly HttpClient _client;

    public Browser(RecetaApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = false,
        });
        var number = Interlocked.Increment(ref s_count);
        _client.DefaultRequestHeaders.Add(ClientAddressHeader,
            string.Create(CultureInfo.InvariantCulture, $"10.250.{(number >> 8) & 255}.{number & 255}"));
    }

    /// <summary>The cookies this browser holds, by name.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The raw Set-Cookie headers of the last answer.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public string? CsrfToken { get; set; }

    public Task<HttpResponseMessage> GetAsync(string uri) => SendAsync(HttpMethod.Get, uri);

    public Task<HttpResponseMessage> PostAsync(string uri, object? body = null, bool withCsrf = true) => SendAsync(HttpMethod.Post, uri, body, withCsrf);

    public Task<HttpResponseMessage> DeleteAsync(string uri, object? body = null, bool withCsrf = true) => SendAsync(HttpMethod.Delete, uri, body, withCsrf);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string uri, object? body = null, bool withCsrf = true)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: HttpJson.Options);
        }
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        if (withCsrf && CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        }
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        Remember(response);
        return response;
    }

    /// <summary>Signs in (201 expected) and fetches the antiforgery token for the signed-in account.</summary>
    public async Task SignInAsync(string email, string password, string? code = null, string? recoveryCode = null)
    {
        using var signedIn = await PostAsync("/api/v1/auth/session", new { email, password, code, recoveryCode });
        await signedIn.AssertStatusAsync(HttpStatusCode.Created);
        await FetchCsrfTokenAsync();
    }

    public async Task FetchCsrfTokenAsync()
    {
        using var response = await GetAsync("/api/v1/auth/antiforgery");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        CsrfToken = (await response.ReadJsonAsync()).GetProperty("token").GetString();
    }

    public void Dispose() => _client.Dispose();

    private void Remember(HttpResponseMessage response)
    {
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        foreach (var header in LastSetCookies)
        {
            var nameValue = header.Split(';')[0];
            var equals = nameValue.IndexOf('=', StringComparison.Ordinal);
            var name = nameValue[..equals].Trim();
            var value = nameValue[(equals + 1)..].Trim();
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired)
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }
    }
}
