using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Turns what the framework throws for a bad request (unreadable JSON, an unknown enum, a body too
/// large) into problem details naming the field, so a client never sees a 500 for what it sent.
/// A database that does not answer (<see cref="DatabaseOutage"/>) is 503 with <c>Retry-After</c>,
/// wherever it surfaced (authentication, a middleware, an endpoint): problem details for the API,
/// the error page for a web page (<see cref="WebPages.ShowOutagePage"/>).
/// Anything else is truly unexpected: logged, and answered 500 without internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>How long a client is asked to wait before trying again while the database does not answer.</summary>
    public static readonly TimeSpan OutageRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } bad =>
                (bad.StatusCode, "The request body is not valid JSON for this call.", FieldErrors(json)),
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad), null),
            DbUpdateConcurrencyException =>
                (StatusCodes.Status409Conflict, "The goal was changed by another request at the same time; try again.", null),
            _ when DatabaseOutage.IsOutage(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "The database is not answering; try again shortly.", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogOutage(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.SetRetryAfter(OutageRetryAfter);
        }
        else if (status >= 500)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable && WebPages.IsPage(httpContext))
        {
            WebPages.ShowOutagePage(httpContext);
            return true;
        }
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static string Describe(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
        _ => exception.Message,
    };

    private static Dictionary<string, string[]> FieldErrors(JsonException json)
    {
        var field = FieldName(json.Path);
        return new Dictionary<string, string[]>
        {
            [field] = [field == "body"
                ? "The body is not valid JSON."
                : $"'{field}' has a value of the wrong type or out of range."],
        };
    }

    /// <summary>"$.measure.aggregation" becomes "measure.aggregation"; "$" or none becomes "body".</summary>
    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? "body" : char.ToLowerInvariant(name[0]) + name[1..];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database did not answer {Method} {Path}; answered 503")]
    private static partial void LogOutage(ILogger logger, Exception exception, string method, PathString path);
}
