using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Receta.Load;

/// <summary>The one HTTP client of the run (connections shared by every client, as behind one NAT), and its timing.</summary>
public sealed class ApiSession : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ApiSession(Uri server, string? certificateFile)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        if (certificateFile is not null)
        {
            // The cluster's own self-signed certificate, pinned: no other is accepted.
            var pinned = X509CertificateLoader.LoadCertificateFromFile(certificateFile).GetCertHashString();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == pinned;
        }
        _http = new HttpClient(handler) { BaseAddress = server, Timeout = RequestTimeout };
    }

    /// <summary>Ticks of <see cref="Stopwatch"/> since the session began.</summary>
    public long Now => _clock.ElapsedTicks;

    public static TimeSpan Elapsed(long ticks) => TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);

    /// <summary>Sends one request and records it; the body of a success is returned, parsed.</summary>
    public async Task<(Sample Sample, JsonElement? Body, HttpResponseHeaders? Headers)> SendAsync(
        string kind, HttpMethod method, string path, object? json = null, string? token = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        var requestId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Request-Id", requestId);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        var start = Now;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var sample = new Sample(kind, start, Now, status, requestId, response.IsSuccessStatusCode ? null : Shorten(text));
            JsonElement? body = response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(text).RootElement.Clone()
                : null;
            return (sample, body, response.Headers);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (new Sample(kind, start, Now, 0, requestId, $"{e.GetType().Name}: {e.Message}"), null, null);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];

    /// <summary>A new account with a token, for setting up (retried on 429 and on a failed connection).</summary>
    public async Task<string> CreateAccountAsync(int number, CancellationToken cancellationToken)
    {
        var email = string.Create(CultureInfo.InvariantCulture, $"load-{number}-{Guid.NewGuid():N}@example.test");
        var password = $"a long load test passphrase {Guid.NewGuid():N}";
        await SetUpAsync(HttpMethod.Post, "/api/v1/auth/register", new { email, password, displayName = $"Load {number}", timeZone = "UTC" }, null, cancellationToken);
        var token = await SetUpAsync(HttpMethod.Post, "/api/v1/auth/tokens", new { email, password, name = "load" }, null, cancellationToken);
        return token.GetProperty("token").GetString()!;
    }

    /// <summary>A request of the setup, which must succeed: tried again after a 429 (its Retry-After) or no answer, for up to 2 minutes.</summary>
    public async Task<JsonElement> SetUpAsync(HttpMethod method, string path, object? json, string? token, CancellationToken cancellationToken)
    {
        var giveUp = Now + (long)(Stopwatch.Frequency * 120.0);
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (json is not null)
            {
                request.Content = JsonContent.Create(json);
            }
            TimeSpan wait;
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return JsonDocument.Parse(text).RootElement.Clone();
                }
                if (response.StatusCode != HttpStatusCode.TooManyRequests || Now > giveUp)
                {
                    throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {Shorten(text)}");
                }
                wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
            }
            catch (HttpRequestException) when (Now <= giveUp)
            {
                wait = TimeSpan.FromSeconds(1);
            }
            await Task.Delay(wait, cancellationToken);
        }
    }

    /// <summary>A page, as a browser asks for it: the status only.</summary>
    public async Task<HttpStatusCode> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await _http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
