using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Receta.Data;
using Receta.Data.Accounts;

namespace Receta.Web.Infrastructure.Idempotency;

/// <summary>
/// Makes a POST under <c>/api/v1</c> safe to retry (api.md "Creation is safe to retry"): with an
/// <c>Idempotency-Key</c> header, the account's first request with that key runs and its answer is
/// remembered for 24 hours; a retry with the same key and the same request (method, path, query and
/// body) runs nothing and gets that answer again, status, body, <c>Content-Type</c> and <c>Location</c>.
/// The same key with another request is refused (422). While the first request runs, a second one
/// with its key is answered 409 at once rather than made to wait: waiting would hold a connection
/// and a database lease for as long as the first takes, and a client that retries already knows to
/// try again later (the answer says <c>Retry-After</c>).
/// </summary>
/// <remarks>
/// The key is reserved before the request runs, by inserting its row: the primary key on
/// (account, key) lets exactly one of two concurrent requests win. This middleware sits after
/// authentication (the key belongs to an account) and outside <see cref="ConflictRetryMiddleware"/>,
/// so that the retries of a lost race run under the one reservation rather than meeting it.
/// Its rows are written through a context of their own, never the request's: saving the answer must
/// not save what a refused request left in the request's change tracker.
/// If the process dies between the change and the saving of its answer, the key answers 409 until it
/// expires: that may stop a retry, but never makes it create twice.
/// </remarks>
public sealed partial class IdempotencyMiddleware(
    RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";

    private const int ReservationAttempts = 3;

    /// <summary>
    /// Whether a request to <paramref name="path"/> with <paramref name="method"/> takes the header.
    /// The <c>/auth</c> calls (register, token creation, sessions) do not: there is no account yet for
    /// the key to belong to, and a replayed token creation would hand its secret out twice. Nor do
    /// the <c>/me</c> calls (password, two-factor): their bodies carry passwords and their answers the
    /// authenticator key and recovery codes, which must never be stored, and they create nothing.
    /// Nor does <c>POST /calendar</c>: its answer is the feed's secret address, which must never be
    /// stored either, and posting again is how the address is replaced.
    /// </summary>
    public static bool Covers(string method, PathString path) =>
        HttpMethods.IsPost(method)
        && path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/api/v1/auth", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/api/v1/me", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/api/v1/calendar", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        if (!request.Headers.TryGetValue(HeaderName, out var header)
            || !Covers(request.Method, request.Path)
            || CurrentUser.From(http) is not { } user)
        {
            await next(http);
            return;
        }
        if (ValidKey(header) is not { } key)
        {
            await OutcomeResults.Invalid(new Dictionary<string, string[]>
            {
                [HeaderName] = [$"'{HeaderName}' must be one value of 1 to {IdempotentRequest.MaxKeyLength} visible ASCII characters (no spaces)."],
            }).ExecuteAsync(http);
            return;
        }

        var fingerprint = await FingerprintAsync(request, http.RequestAborted);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecetaDbContext>();
        var reserved = new IdempotentRequest { UserId = user.Id, Key = key, Fingerprint = fingerprint, CreatedAt = clock.GetUtcNow() };
        if (await ReserveAsync(db, reserved) is { } earlierAnswer)
        {
            await earlierAnswer.ExecuteAsync(http);
            return;
        }
        await RunAndRememberAsync(http, db, reserved);
    }

    /// <summary>The key when the header is one value of 1–100 characters from 0x21 to 0x7E; otherwise null.</summary>
    private static string? ValidKey(StringValues header) =>
        header is [{ Length: >= 1 and <= IdempotentRequest.MaxKeyLength } key] && key.All(c => c is >= '!' and <= '~') ? key : null;

    private static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered, so that the endpoint (and ConflictRetryMiddleware's retries) read the body again.
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.PathBase}{request.Path}{request.QueryString}\n"));
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Reserves the key for this request (null: go ahead), or returns the answer for a key already
    /// taken: the remembered answer, 409 while it is still running, 422 for another request.
    /// A row older than 24 hours is as good as none: it is deleted and the key taken afresh.
    /// Not cancelled when the client goes away: a reservation saved but never run would answer its
    /// retries 409 for a day.
    /// </summary>
    private static async Task<IResult?> ReserveAsync(RecetaDbContext db, IdempotentRequest reserved)
    {
        for (var attempt = 1; attempt <= ReservationAttempts; attempt++)
        {
            db.IdempotentRequests.Add(reserved);
            try
            {
                await db.SaveChangesAsync();
                return null;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }

            var earlier = await Rows(db, reserved).AsNoTracking().FirstOrDefaultAsync();
            if (earlier is null)
            {
                // Its request failed and let the key go in the meantime: try to take it again.
                continue;
            }
            if (earlier.CreatedAt <= reserved.CreatedAt - IdempotentRequest.Lifetime)
            {
                await Rows(db, reserved).Where(r => r.CreatedAt == earlier.CreatedAt).ExecuteDeleteAsync();
                continue;
            }
            if (!earlier.Fingerprint.AsSpan().SequenceEqual(reserved.Fingerprint))
            {
                return new KeyReusedFailure(
                    $"This '{HeaderName}' was sent with another method, path or body in the last 24 hours; use a new key for a new request.").ToResult();
            }
            return earlier.StatusCode is { } status
                ? new RememberedAnswer(status, earlier.ContentType, earlier.Location, earlier.Body ?? [])
                : StillRunning();
        }
        // Lost the race for the key every time: another request with it keeps starting.
        return StillRunning();
    }

    private static IResult StillRunning() => Failure.Conflict(
            $"A request with this '{HeaderName}' is still being processed; retry it later to get its answer.")
        .ToResult().WithRetryAfter(TimeSpan.FromSeconds(1));

    /// <summary>
    /// Runs the request with its answer held back, remembers the answer, then sends it: a client that
    /// drops the connection while it is sent finds the answer remembered when it retries. The answer is
    /// held in memory (bodies here are far under the 1 MiB bound; a longer one is sent as it comes and
    /// not remembered). Nothing is written before the endpoint has saved its change, so the retries of
    /// <see cref="ConflictRetryMiddleware"/> never meet a half-written answer in the buffer.
    /// </summary>
    private async Task RunAndRememberAsync(HttpContext http, RecetaDbContext db, IdempotentRequest reserved)
    {
        var response = http.Response;
        var original = response.Body;
        await using var held = new HeldResponseStream(original, (int)ApiLimits.MaxRequestBodyBytes);
        response.Body = held;
        try
        {
            await next(http);
        }
        catch
        {
            // Answered 4xx or 5xx by the exception handler: unreadable JSON, a race lost on every
            // retry, the unexpected. None of them saved anything, so the retry must run again.
            await ForgetAsync(db, reserved);
            throw;
        }
        finally
        {
            response.Body = original;
        }

        // A server failure is not the answer to the request: its retry runs again. Every other answer
        // is remembered, refusals (4xx) included: a retry is answered exactly as the first request
        // was, even when it would now succeed (the goal got a measure, the invitation was accepted).
        if (held.PassedThrough)
        {
            LogTooLong(logger, http.Request.Path);
            await ForgetAsync(db, reserved);
            return;
        }
        var body = held.Held();
        if (response.StatusCode >= 500)
        {
            await ForgetAsync(db, reserved);
        }
        else
        {
            string? contentType = response.ContentType;
            string? location = response.Headers.Location;
            await Rows(db, reserved).Where(r => r.CreatedAt == reserved.CreatedAt).ExecuteUpdateAsync(row => row
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location)
                .SetProperty(r => r.Body, body), CancellationToken.None);
        }
        await RememberedAnswer.WriteBodyAsync(response, body);
    }

    private static Task<int> ForgetAsync(RecetaDbContext db, IdempotentRequest reserved) =>
        Rows(db, reserved).Where(r => r.CreatedAt == reserved.CreatedAt).ExecuteDeleteAsync(CancellationToken.None);

    private static IQueryable<IdempotentRequest> Rows(RecetaDbContext db, IdempotentRequest reserved) =>
        db.IdempotentRequests.Where(r => r.UserId == reserved.UserId && r.Key == reserved.Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to POST {Path} is over 1 MiB: not remembered for its idempotency key")]
    private static partial void LogTooLong(ILogger logger, PathString path);
}
