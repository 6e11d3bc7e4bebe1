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

    /// <summary>
    /// The one table from a failure to its status code: the API's problem details, a page's error
    /// page and a form's refusal all answer with it.
    /// </summary>
    public static int StatusCode(this Failure failure) => failure switch
    {
        InvalidFailure => StatusCodes.Status400BadRequest,
        UnauthorizedFailure or SecondFactorRequiredFailure => StatusCodes.Status401Unauthorized,
        ForbiddenFailure => StatusCodes.Status403Forbidden,
        NotFoundFailure => StatusCodes.Status404NotFound,
        ConflictFailure => StatusCodes.Status409Conflict,
        TooLargeFailure => StatusCodes.Status413PayloadTooLarge,
        KeyReusedFailure => StatusCodes.Status422UnprocessableEntity,
        TooManyRequestsFailure => StatusCodes.Status429TooManyRequests,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
    };

    public static IResult ToResult(this Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var status = failure.StatusCode();
        return failure switch
        {
            InvalidFailure invalid => Invalid(invalid.Errors),
            NotFoundFailure notFound => Problem(status, "Not found", $"The {notFound.What} does not exist."),
            ForbiddenFailure forbidden => Problem(status, "Forbidden", forbidden.Detail),
            UnauthorizedFailure unauthorized => Problem(status, "Not authenticated.", unauthorized.Detail),
            // codeRequired tells a client to ask for a code and send the request again.
            SecondFactorRequiredFailure required => TypedResults.Problem(
                detail: required.Detail, statusCode: status, title: "A second factor is needed.",
                extensions: new Dictionary<string, object?> { ["codeRequired"] = true }),
            TooManyRequestsFailure tooMany => new RetryAfterResult(tooMany.RetryAfter,
                Problem(status, "Too many attempts.", "Wait before trying again.")),
            ConflictFailure conflict => Problem(status, "Conflict", conflict.Detail),
            TooLargeFailure tooLarge => Problem(status, "The request body is too large.", tooLarge.Detail),
            KeyReusedFailure reused => Problem(status, "The idempotency key was used for another request.", reused.Detail),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
        };
    }

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is invalid.");

    private static ProblemHttpResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>The answer with a <c>Retry-After</c> header: how long to wait, in whole seconds (at least 1).</summary>
    public static IResult WithRetryAfter(this IResult result, TimeSpan retryAfter) => new RetryAfterResult(retryAfter, result);

    /// <summary>Sets <c>Retry-After</c>: how long to wait, in whole seconds, at least 1.</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter =
            Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class RetryAfterResult(TimeSpan retryAfter, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.SetRetryAfter(retryAfter);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
