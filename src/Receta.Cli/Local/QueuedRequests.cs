using System.Globalization;
using System.Text;
using Receta.Cli.Api;

namespace Receta.Cli.Local;

/// <summary>A request made while the server could not be reached, kept to be sent later exactly as it was made.</summary>
/// <param name="Method">The HTTP method, e.g. POST.</param>
/// <param name="Path">The API path, ids resolved when it was made.</param>
/// <param name="Body">The JSON body as sent (the date is in it: a queued entry keeps the day it was typed).</param>
/// <param name="IdempotencyKey">Sent with every try, so that the server creates it once however often it is tried.</param>
/// <param name="Server">The server it was meant for; it is sent to that server only.</param>
/// <param name="QueuedAt">When it was queued (UTC).</param>
public sealed record QueuedRequest(string Method, string Path, string Body, string IdempotencyKey, string Server, DateTimeOffset QueuedAt);

/// <summary>What sending the queue did.</summary>
/// <param name="Sent">Answered with success, and removed.</param>
/// <param name="Refused">Refused by the server (printed), and removed.</param>
/// <param name="Waiting">Still queued.</param>
/// <param name="Unreachable">The server did not answer: the rest waits.</param>
/// <param name="ForOtherServers">Of <paramref name="Waiting"/>, those queued for another server than this run's: they wait for it.</param>
public sealed record FlushResult(int Sent, int Refused, int Waiting, bool Unreachable, int ForOtherServers = 0);

/// <summary>
/// <c>$XDG_STATE_HOME/receta/queue/</c>: one JSON file per queued request, named by a sequence
/// number so that they go out oldest first. A file is written atomically and removed only once the
/// server answered it, so that nothing typed is lost and, with its Idempotency-Key, nothing arrives twice.
/// </summary>
public sealed class QueuedRequests(CliEnvironment environment)
{
    public string Folder { get; } = Path.Combine(environment.StateFolder, "queue");

    /// <summary>The queued files, oldest first.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];

    public void Add(QueuedRequest request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var path = Path.Combine(Folder, $"{NextNumber():D10}.json");
            try
            {
                LocalFiles.WriteJson(path, request, CliJsonContext.Default.QueuedRequest, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(path) && attempt < 100)
            {
                // Another receta queued at the same moment and took the number: take the next.
            }
        }
    }

    /// <summary>
    /// Sends what is queued for <paramref name="api"/>'s server, oldest first, until the server
    /// cannot be reached. A success or a refusal removes the request (a refusal is written to
    /// <paramref name="refusals"/>: sending it again would be refused again); no answer, a server
    /// error, 401 or 429 keep it and stop, to be tried again later.
    /// </summary>
    public async Task<FlushResult> FlushAsync(ApiClient api, TextWriter refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(refusals);
        var files = Files();
        int sent = 0, refused = 0, otherServers = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var request = LocalFiles.ReadJson(files[i], CliJsonContext.Default.QueuedRequest);
            if (request is null)
            {
                continue;
            }
            if (!SameServer(request.Server, api.Server))
            {
                otherServers++;
                continue;
            }
            ApiAnswer answer;
            try
            {
                answer = await api.SendAsync(new HttpMethod(request.Method), request.Path, Encoding.UTF8.GetBytes(request.Body), request.IdempotencyKey, cancellationToken);
            }
            catch (ServerUnreachableException)
            {
                return new FlushResult(sent, refused, Files().Count, Unreachable: true, otherServers);
            }
            if (answer.Succeeded)
            {
                sent++;
            }
            else if (answer.Status is 401 or 408 or 429 or >= 500)
            {
                refusals.WriteLine($"{request.Method} {request.Path}: {Problems.Describe(answer)}");
                break;
            }
            else
            {
                refused++;
                refusals.WriteLine($"{request.Method} {request.Path} ({request.QueuedAt:yyyy-MM-dd HH:mm}): {Problems.Describe(answer)}");
            }
            File.Delete(files[i]);
        }
        return new FlushResult(sent, refused, Files().Count, Unreachable: false, otherServers);
    }

    public static bool SameServer(string queuedFor, Uri server) =>
        string.Equals(queuedFor.TrimEnd('/'), server.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private long NextNumber()
    {
        var last = Files().Select(f => long.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return last + 1;
    }
}
