using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Receta.Cli.Api;

/// <summary>An answer of the API, its body kept as received (for <c>--json</c>).</summary>
public sealed record ApiAnswer(int Status, byte[] Body)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public T Read<T>(JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Body, type)
        ?? throw new CommandFailedException(ExitCodes.Refused, "The server answered with an empty body.");
}

/// <summary>The server did not answer: refused connection, unknown host, timeout.</summary>
public sealed class ServerUnreachableException(string server, Exception inner) : Exception($"The server could not be reached: {server}", inner)
{
    public string Server { get; } = server;
}

/// <summary>
/// The one HTTP client of a run: the server's base address and the bearer token. Every creating
/// POST carries an Idempotency-Key, so that a retry (the offline queue) never creates twice.
/// </summary>
public sealed class ApiClient : IDisposable
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _http;

    public ApiClient(Uri server, string? token)
    {
        Server = server;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            BaseAddress = server,
            // Each request bounds its own wait (RequestTimeout); an upload or a download may take longer.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("receta", "1"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri Server { get; }

    /// <summary>How long a request of the API may take, unless it moves a file.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A new Idempotency-Key: 32 hex characters, unique to this request.</summary>
    public static string NewIdempotencyKey() => Guid.NewGuid().ToString("N");

    /// <summary>Sends a request; throws <see cref="ServerUnreachableException"/> when no answer came.</summary>
    public Task<ApiAnswer> SendAsync(HttpMethod method, string path, byte[]? json = null, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        SendAsync(method, path,
            json is null ? null : new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            idempotencyKey, cancellationToken);

    /// <summary>
    /// Sends a request with any body (a file's upload as a form), waiting at most <paramref name="timeout"/>
    /// (<see cref="RequestTimeout"/> when null); throws <see cref="ServerUnreachableException"/> when no answer came.
    /// </summary>
    public async Task<ApiAnswer> SendAsync(
        HttpMethod method, string path, HttpContent? content, string? idempotencyKey, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? RequestTimeout);
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Content = content;
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }
        try
        {
            using var response = await _http.SendAsync(request, limit.Token);
            var body = await response.Content.ReadAsByteArrayAsync(limit.Token);
            return new ApiAnswer((int)response.StatusCode, body);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new ServerUnreachableException(Server.ToString(), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException(Server.ToString(), e);
        }
        catch (SocketException e)
        {
            throw new ServerUnreachableException(Server.ToString(), e);
        }
    }

    /// <summary>Sends a request and fails the command (exit 1, the problem printed) unless it succeeded.</summary>
    public async Task<ApiAnswer> SendOrFailAsync(HttpMethod method, string path, byte[]? json = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(method, path, json, idempotencyKey, cancellationToken);
        return answer.Succeeded ? answer : throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
    }

    public async Task<(T Value, byte[] Body)> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        var answer = await SendOrFailAsync(HttpMethod.Get, path, cancellationToken: cancellationToken);
        return (answer.Read(type), answer.Body);
    }

    /// <summary>
    /// Streams a successful GET's body into <paramref name="destination"/> as it arrives (an export
    /// can be large); an answer that is not 2xx comes back whole instead, for its problem.
    /// </summary>
    public async Task<ApiAnswer> DownloadAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new ApiAnswer((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
            }
            await response.Content.CopyToAsync(destination, cancellationToken);
            return new ApiAnswer((int)response.StatusCode, []);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new ServerUnreachableException(Server.ToString(), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException(Server.ToString(), e);
        }
    }

    public void Dispose() => _http.Dispose();
}
