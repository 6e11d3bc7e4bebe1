using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Primitives;
using Receta.Data;

namespace Receta.Web.Infrastructure;

/// <summary>
/// The answers of the hottest reads (progress, the roadmap, the goal list: endpoints marked
/// <see cref="StampedResponseExtensions.KeptUnderStamp"/>), kept whole for a token and served again,
/// before routing, authentication or any statement, while the database's change stamp
/// (<see cref="ReadContexts.ChangeStampAsync"/>) is the one they were made under (docs/adr/0013).
/// What an answer depends on is all in its key or its stamp: the token (by its hash) and the
/// request's URL and negotiation headers are the key; who the token is, whether it is revoked, the
/// goal, its history and its circle are the database, and any commit on any node changes the
/// stamp; the clock is checked at each serve (<see cref="KeptResponse.IsCurrent"/>): the token's
/// expiry, its last-used time's next refresh, and the caller's "today".
/// </summary>
public sealed class StampedResponses
{
    /// <summary>Answers kept under one stamp; past it, no more are kept until the stamp changes.</summary>
    private const int Kept = 10_000;

    /// <summary>Larger answers are served as made and not kept: the hot reads are a few kilobytes.</summary>
    public const int MaxKeptBytes = 256 * 1024;

    public const string MeterName = "Receta";

    // Every kept answer is valid under one stamp only, so only the newest stamp's are kept: a
    // change drops them all at once, and memory holds the answers of one state of the database.
    private volatile Generation _current = new(0);

    private readonly Counter<long> _reads;

    // The paths answered by a kept endpoint so far. Only their requests take a stamp first: on
    // PostgreSQL a stamp is a round trip, which every other GET with a token would wait for in vain.
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);

    public StampedResponses(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _reads = meters.Create(MeterName).CreateCounter<long>(
            "receta.stamped_reads", "{request}", "Hot reads asked under a known change stamp, by where the answer came from (memory or database).");
    }

    /// <summary>Whether a request to <paramref name="path"/> may be answered by a kept endpoint: one was, before.</summary>
    public bool MayKeep(PathString path) => path.Value is { } value && _paths.ContainsKey(value);

    /// <summary>Notes that a kept endpoint answers <paramref name="path"/>.</summary>
    public void Answers(PathString path)
    {
        if (path.Value is not { } value || _paths.ContainsKey(value))
        {
            return;
        }
        if (_paths.Count >= Kept * 10)
        {
            _paths.Clear();
        }
        _paths.TryAdd(value, 0);
    }

    /// <summary>The answer kept for <paramref name="key"/> under <paramref name="stamp"/>, if it is still current at <paramref name="now"/>.</summary>
    public bool TryServe(long stamp, ResponseKey key, DateTimeOffset now, out KeptResponse response)
    {
        var current = _current;
        if (current.Stamp == stamp && current.Answers.TryGetValue(key, out var kept) && kept.IsCurrent(now))
        {
            response = kept;
            _reads.Add(1, new KeyValuePair<string, object?>("served_from", "memory"));
            return true;
        }
        response = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="response"/>, made for <paramref name="key"/> from what was read under <paramref name="stamp"/>.</summary>
    public void Keep(long stamp, ResponseKey key, KeptResponse response)
    {
        _reads.Add(1, new KeyValuePair<string, object?>("served_from", "database"));
        var current = _current;
        if (current.Stamp != stamp)
        {
            // A request that took its stamp before the newest one may end after it: then it starts
            // a generation that the next request replaces again, no harm but a miss.
            current = new Generation(stamp);
            _current = current;
        }
        if (current.Answers.Count < Kept)
        {
            current.Answers[key] = response;
        }
    }

    private sealed class Generation(long stamp)
    {
        public long Stamp { get; } = stamp;

        public ConcurrentDictionary<ResponseKey, KeptResponse> Answers { get; } = new();
    }
}

/// <summary>
/// What names a kept answer besides the stamp: the token's hash, and the request as the endpoint
/// sees it (scheme, host and path, which links are made of; the query; what it negotiates).
/// </summary>
public readonly record struct ResponseKey(string TokenHash, string Url, string? Accept, string? AcceptLanguage)
{
    public static ResponseKey For(HttpRequest request, string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ResponseKey(
            tokenHash,
            string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value),
            request.Headers.Accept,
            request.Headers.AcceptLanguage);
    }
}

/// <summary>
/// An answer as made (200, its headers, its body), and until when the same request would get it
/// while nothing is committed: while the token is unexpired and its last use needs no update
/// (<paramref name="Until"/>), on the caller's same day (<paramref name="Today"/> in <paramref name="Zone"/>).
/// </summary>
public sealed record KeptResponse(KeyValuePair<string, StringValues>[] Headers, byte[] Body, DateTimeOffset Until, TimeZoneInfo Zone, DateOnly Today)
{
    /// <summary>
    /// Never kept: headers the server writes itself for each answer, cookies, which are one answer's,
    /// and an encoding, since the body is kept as the endpoint made it.
    /// </summary>
    private static readonly HashSet<string> Unkept = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Date", "Server", "Transfer-Encoding", "Connection", "Keep-Alive", "Set-Cookie", "Content-Encoding",
    };

    public bool IsCurrent(DateTimeOffset now) => now < Until && UserTimeZones.Today(now, Zone) == Today;

    public static KeyValuePair<string, StringValues>[] HeadersOf(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return [.. response.Headers.Where(h => !Unkept.Contains(h.Key))];
    }

    public Task WriteAsync(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body).AsTask();
    }
}

/// <summary>
/// Until when a token's authentication stays what it was while nothing is committed (its expiry,
/// and the next refresh of its last-used time, which is a commit); set by the token's handler, so
/// present only when the request's bearer token (the one its key is made of) authenticated it.
/// </summary>
public sealed record TokenValidity(DateTimeOffset Until);

/// <summary>Metadata: this GET's 200 answers may be kept under the change stamp.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class KeptUnderStampAttribute : Attribute;

/// <summary>
/// Before routing: serves a kept answer when the stamp and the key match, and otherwise marks the
/// request, so that <see cref="KeepStampedResponseMiddleware"/> keeps its answer. A path's first
/// request is not marked: only then is it known to be a kept endpoint's.
/// </summary>
public sealed class ServeStampedResponseMiddleware(RequestDelegate next, StampedResponses kept, ReadContexts reads, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!HttpMethods.IsGet(http.Request.Method)
            || !kept.MayKeep(http.Request.Path)
            || AccessTokenAuthenticationHandler.BearerSecret(http.Request) is not { Length: > 0 } secret)
        {
            await next(http);
            return;
        }
        // Taken before anything is read: what is read for this request is at least as new.
        if (await reads.ChangeStampAsync() is not { } stamp)
        {
            await next(http);
            return;
        }
        var key = ResponseKey.For(http.Request, AccessTokenSecrets.HashText(secret));
        if (kept.TryServe(stamp, key, clock.GetUtcNow(), out var response))
        {
            await response.WriteAsync(http.Response);
            return;
        }
        http.Features.Set(new StampedRequest(stamp, key));
        await next(http);
    }
}

/// <summary>Innermost: keeps the 200 answer of a marked request to a <see cref="KeptUnderStampAttribute"/> endpoint.</summary>
public sealed class KeepStampedResponseMiddleware(RequestDelegate next, StampedResponses kept)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.GetEndpoint()?.Metadata.GetMetadata<KeptUnderStampAttribute>() is null)
        {
            await next(http);
            return;
        }
        kept.Answers(http.Request.Path);
        if (http.Features.Get<StampedRequest>() is not { } request
            || http.Features.Get<TokenValidity>() is not { } token
            || CurrentUser.From(http) is not { } user)
        {
            await next(http);
            return;
        }
        var body = http.Response.Body;
        using var made = new MemoryStream();
        http.Response.Body = made;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }
        var answered = http.Response.StatusCode == StatusCodes.Status200OK;
        if (answered)
        {
            http.Response.ContentLength = made.Length;
        }
        // Started first, so that the headers kept are those sent: what is added as the answer starts
        // (the security headers) included. A kept answer is served ahead of all that adds them.
        await http.Response.StartAsync(http.RequestAborted);
        if (answered && made.Length <= StampedResponses.MaxKeptBytes)
        {
            kept.Keep(request.Stamp, request.Key, new KeptResponse(
                KeptResponse.HeadersOf(http.Response), made.ToArray(), token.Until, user.TimeZone, user.Today));
        }
        made.Position = 0;
        await made.CopyToAsync(body, http.RequestAborted);
    }
}

/// <summary>A request whose answer may be kept: the stamp taken before it and its key.</summary>
public sealed record StampedRequest(long Stamp, ResponseKey Key);

public static class StampedResponseExtensions
{
    public static RouteHandlerBuilder KeptUnderStamp(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new KeptUnderStampAttribute());

    /// <summary>
    /// Serving, before everything but the reading of forwarded headers (a kept answer needs no
    /// endpoint, and carries the headers its first answer was sent with); keeping, as the last
    /// middleware before the endpoint.
    /// </summary>
    public static IApplicationBuilder UseStampedResponses(this IApplicationBuilder app) =>
        app.UseMiddleware<ServeStampedResponseMiddleware>();

    public static IApplicationBuilder UseKeepingStampedResponses(this IApplicationBuilder app) =>
        app.UseMiddleware<KeepStampedResponseMiddleware>();
}
