using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Receta.Cli.Api;
using Receta.Cli.Local;
using Receta.Cli.Output;

namespace Receta.Cli;

/// <summary>
/// One run of a command: the console, the chosen language, the config, and the API client, made
/// once. The first request of a run sends what the offline queue holds, oldest first; once the
/// server has not answered, the run is offline and does not try again.
/// </summary>
public sealed class CliSession : IDisposable
{
    private readonly ConfigFile _configFile;
    private ApiClient? _api;
    private bool _flushed;

    public CliSession(CliConsole console, CliEnvironment environment, bool json, string? language)
    {
        Console = console;
        Environment = environment;
        Json = json;
        _configFile = new ConfigFile(environment);
        Config = _configFile.Effective();
        Texts = Texts.Choose(language, Config.Language, environment);
        Queue = new QueuedRequests(environment);
        Colour = console.OutputIsTerminal && environment.Variable("NO_COLOR") is null;
    }

    public CliConsole Console { get; }
    public CliEnvironment Environment { get; }
    public CliConfig Config { get; }
    public Texts Texts { get; }
    public QueuedRequests Queue { get; }

    /// <summary><c>--json</c>: print the API's JSON as received, and nothing else on the output.</summary>
    public bool Json { get; }

    /// <summary>Colours: only on a terminal, and never with NO_COLOR.</summary>
    public bool Colour { get; }

    /// <summary>True once a request found no server: the rest of the run works from the queue and the names cache.</summary>
    public bool Offline { get; private set; }

    public ConfigFile ConfigFile => _configFile;

    /// <summary>The client for the configured server and token; a usage failure when there is none.</summary>
    public ApiClient Api => _api ??= new ApiClient(
        ServerUri(Config.Server) ?? throw CommandFailedException.Usage(Texts.NotSignedIn),
        Config.Token ?? throw CommandFailedException.Usage(Texts.NotSignedIn));

    /// <summary>Today in the account's time zone (as last seen at login), else the machine's.</summary>
    public DateOnly Today
    {
        get
        {
            var zone = TimeZoneInfo.Local;
            if (Config.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var account))
            {
                zone = account;
            }
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Environment.Clock.GetUtcNow(), zone).DateTime);
        }
    }

    public static Uri? ServerUri(string? server)
    {
        if (server is null)
        {
            return null;
        }
        if (!Uri.TryCreate(server.EndsWith('/') ? server : server + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw CommandFailedException.Usage($"'{server}' is not an http(s) address.");
        }
        return uri;
    }

    /// <summary>Sends the offline queue (once per run) before the run's own first request.</summary>
    public async Task<FlushResult?> FlushQueueAsync(CancellationToken cancellationToken)
    {
        if (_flushed || Offline)
        {
            return null;
        }
        _flushed = true;
        if (Queue.Files().Count == 0)
        {
            return null;
        }
        var result = await Queue.FlushAsync(Api, Console.Error, cancellationToken);
        Offline = result.Unreachable;
        if (result.Sent > 0)
        {
            Console.Error.WriteLine(Texts.SentQueued(result.Sent));
        }
        return result;
    }

    /// <summary>A request of the command itself: the queue goes first; no answer makes the run offline and is rethrown.</summary>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, byte[]? json = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await FlushQueueAsync(cancellationToken);
        if (Offline)
        {
            throw new ServerUnreachableException(Api.Server.ToString(), new HttpRequestException("offline"));
        }
        try
        {
            return await Api.SendAsync(method, path, json, idempotencyKey, cancellationToken);
        }
        catch (ServerUnreachableException)
        {
            Offline = true;
            throw;
        }
    }

    /// <summary>A file's upload (an import): the queue goes first; it may take as long as the file needs; it fails the command unless it succeeded.</summary>
    public async Task<ApiAnswer> UploadAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        await FlushQueueAsync(cancellationToken);
        var answer = await Api.SendAsync(HttpMethod.Post, path, content, ApiClient.NewIdempotencyKey(), cancellationToken, Timeout.InfiniteTimeSpan);
        return answer.Succeeded ? answer : throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
    }

    public async Task<ApiAnswer> SendOrFailAsync(HttpMethod method, string path, byte[]? json = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(method, path, json, idempotencyKey, cancellationToken);
        return answer.Succeeded ? answer : throw new CommandFailedException(ExitCodes.Refused, Problems.Describe(answer));
    }

    public async Task<(T Value, byte[] Body)> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var answer = await SendOrFailAsync(HttpMethod.Get, path, cancellationToken: cancellationToken);
        return (answer.Read(type), answer.Body);
    }

    /// <summary>
    /// A creating POST: sent with a new Idempotency-Key; when the server cannot be reached and
    /// <paramref name="queueWhenUnreachable"/>, queued with that key instead (null is returned).
    /// </summary>
    public async Task<ApiAnswer?> CreateAsync<T>(string path, T body, JsonTypeInfo<T> type, bool queueWhenUnreachable, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, type);
        var key = ApiClient.NewIdempotencyKey();
        try
        {
            return await SendOrFailAsync(HttpMethod.Post, path, json, key, cancellationToken);
        }
        catch (ServerUnreachableException) when (queueWhenUnreachable)
        {
            Queue.Add(new QueuedRequest("POST", path, System.Text.Encoding.UTF8.GetString(json), key, Api.Server.ToString(), Environment.Clock.GetUtcNow()));
            Console.Error.WriteLine(Texts.Queued(Queue.Files().Count));
            return null;
        }
    }

    /// <summary>Writes the body as received, for <c>--json</c>.</summary>
    public void WriteJson(byte[] body)
    {
        Console.Out.Write(System.Text.Encoding.UTF8.GetString(body));
        Console.Out.WriteLine();
    }

    /// <summary>
    /// Ends a creating command: nothing more when it was queued (<paramref name="answer"/> null; the
    /// queue said so), the API's JSON with <c>--json</c>, else the line for people.
    /// </summary>
    public int Report(ApiAnswer? answer, Func<ApiAnswer, string> line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (answer is not null)
        {
            if (Json)
            {
                WriteJson(answer.Body);
            }
            else
            {
                Console.Out.WriteLine(line(answer));
            }
        }
        return ExitCodes.Done;
    }

    public void Dispose() => _api?.Dispose();
}
