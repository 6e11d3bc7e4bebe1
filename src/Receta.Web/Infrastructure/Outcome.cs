namespace Receta.Web.Infrastructure;

/// <summary>
/// What a use case answers, without knowing HTTP: a value, or one of the expected failures.
/// Endpoints, pages and forms turn a failure into its status with <see cref="OutcomeResults.StatusCode"/>.
/// </summary>
public readonly record struct Outcome<T>
{
    public T? Value { get; private init; }
    public Failure? Failure { get; private init; }
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new() { Value = value };

    public static implicit operator Outcome<T>(Failure failure) => new() { Failure = failure };
}

/// <summary>An expected reason a request is refused. Nothing has changed when one is returned.</summary>
public abstract record Failure
{
    public static Failure NotFound(string what) => new NotFoundFailure(what);

    public static Failure Forbidden(string detail) => new ForbiddenFailure(detail);

    public static Failure Conflict(string detail) => new ConflictFailure(detail);

    public static Failure Invalid(string field, string message) =>
        new InvalidFailure(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed record NotFoundFailure(string What) : Failure;

public sealed record ForbiddenFailure(string Detail) : Failure;

public sealed record ConflictFailure(string Detail) : Failure;

public sealed record UnauthorizedFailure(string Detail) : Failure;

public sealed record TooManyRequestsFailure(TimeSpan RetryAfter) : Failure;

public sealed record TooLargeFailure(string Detail) : Failure;

public sealed record InvalidFailure(IDictionary<string, string[]> Errors) : Failure;

/// <summary>The password was right, but the account also needs a second factor (or the one sent was wrong).</summary>
public sealed record SecondFactorRequiredFailure(string Detail) : Failure;
