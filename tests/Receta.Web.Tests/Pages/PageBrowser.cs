using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Receta.Testing;

namespace Receta.Web.Tests.Pages;

/// <summary>
/// A browser with JavaScript off: it keeps its cookies, reads pages as HTML and posts their forms
/// as a browser would (urlencoded, with the antiforgery token the page holds). Signs in over the API.
/// </summary>
internal sealed partial class PageBrowser : IDisposable
{
    private const string ClientAddressHeader = "X-Receta-Test-Client-Address";
    private static int s_count;
    private readonly HttpClient _client;

    public PageBrowser(RecetaApp app, string? language = null, Uri? baseAddress = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        _client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = baseAddress ?? new Uri("https://localhost"),
            HandleCookies = false,
        });
        var number = Interlocked.Increment(ref s_count);
        _client.DefaultRequestHeaders.Add(ClientAddressHeader,
            string.Create(CultureInfo.InvariantCulture, $"10.251.{(number >> 8) & 255}.{number & 255}"));
        if (language is not null)
        {
            _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The cookies this browser holds, by name (kept by hand: the session cookie is <c>__Host-</c> and Secure).</summary>
    private Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public Task SignInAsync(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SignInAsync(user.Email, user.Password);
    }

    public async Task SignInAsync(string email, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/session")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password }, options: HttpJson.Options),
        };
        using var signedIn = await SendAsync(request);
        await signedIn.AssertStatusAsync(HttpStatusCode.Created);
    }

    /// <summary>GETs a page; its status and HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>GETs a path; its status, body, content type and where it redirects to.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? ContentType, Uri? Location)> GetResponseAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation),
            response.Content.Headers.ContentType?.MediaType, response.Headers.Location);
    }

    /// <summary>GETs a path and hands over the whole answer, headers and all; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> GetMessageAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    /// <summary>GETs a page as a browser that takes compressed answers: its status, its encoding and the bytes that travel.</summary>
    public async Task<(HttpStatusCode Status, string? Encoding, int Bytes)> GetCompressedAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync(Cancellation);
        return (response.StatusCode, response.Content.Headers.ContentEncoding.SingleOrDefault(), body.Length);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _client.SendAsync(request, Cancellation);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var nameValue = header.Split(';')[0];
            var equals = nameValue.IndexOf('=', StringComparison.Ordinal);
            var name = nameValue[..equals].Trim();
            var value = nameValue[(equals + 1)..].Trim();
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(name);
            }
            else
            {
                Cookies[name] = value;
            }
        }
        return response;
    }

    /// <summary>Posts the form named <paramref name="formName"/> of <paramref name="html"/> to <paramref name="path"/> with these fields, as its submit would.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> SubmitAsync(
        string path, string html, string formName, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(html);
        var form = FormOf(html, formName);
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, $"The form '{formName}' carries the antiforgery token.");
        return await PostAsync(path, [("_handler", formName), ("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)), .. fields]);
    }

    /// <summary>Posts any fields: what a forged form would send.</summary>
    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> PostAsync(string path, IEnumerable<(string Name, string Value)> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        using var response = await SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation), response.Headers.Location);
    }

    /// <summary>The antiforgery token of the API (for a forged post from someone who has no form to take it from).</summary>
    public async Task<string> ApiAntiforgeryTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/antiforgery");
        using var response = await SendAsync(request);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    /// <summary>The HTML of the form whose hidden <c>_handler</c> is <paramref name="formName"/>.</summary>
    public static string FormOf(string html, string formName)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match form in FormElement().Matches(html))
        {
            if (form.Value.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            {
                return form.Value;
            }
        }
        throw new InvalidOperationException($"The page has no form '{formName}'.");
    }

    public static bool HasForm(string html, string formName) =>
        html.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
