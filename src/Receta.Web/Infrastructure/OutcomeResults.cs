using Microsoft.AspNetCore.Http.HttpResults;

namespace Receta.Web.Infrastructure;

/// <summary>The one mapping from use-case outcomes to HTTP answers (RFC 9457 problem details).</summary>
public static class OutcomeResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return outcome.Failure is { } failure ? failure.ToResult() : onSuccess(outcome.Value!);
    }

    public static IResult ToOk<T>(this Outcome<T> outcome) => outcome.ToResult(value => TypedResults.Ok(value));

    public static IResult ToNoContent<T>(this Outcome<T> outcome) => outcome.ToResult(_ => TypedResults.NoContent());

    public static IResult ToResult(this Failure failure) => failure switch
    {
        InvalidFailure invalid => Invalid(invalid.Errors),
        NotFoundFailure notFound => Problem(StatusCodes.Status404NotFound, "Not found", $"The {notFound.What} does not exist."),
        ForbiddenFailure forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Detail),
        UnauthorizedFailure unauthorized => Problem(StatusCodes.Status401Unauthorized, "Not authenticated.", unauthorized.Detail),
        TooManyRequestsFailure tooMany => new RetryAfterResult(tooMany.RetryAfter,
            Problem(StatusCodes.Status429TooManyRequests, "Too many attempts.", "Wait before trying again.")),
        ConflictFailure conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
    };

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is invalid.");

    public static ProblemHttpResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>The answer with a <c>Retry-After</c> header: how long to wait, in whole seconds (at least 1).</summary>
    public static IResult WithRetryAfter(this IResult result, TimeSpan retryAfter) => new RetryAfterResult(retryAfter, result);

    private sealed class RetryAfterResult(TimeSpan retryAfter, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter =
                Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
