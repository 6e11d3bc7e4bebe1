namespace Receta.Web.Infrastructure;

/// <summary>Serves a computed view as of <c>?asOf=</c>, which defaults to today in the caller's time zone.</summary>
public static class AsOfView
{
    public static async Task<IResult> ServeAsync<T>(string? asOf, GoalScope scope, Func<DateOnly, Task<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(compute);
        var errors = new RequestErrors();
        var day = errors.QueryDate(asOf, "asOf") ?? scope.User.Today;
        return errors.Any ? errors.ToFailure().ToResult() : TypedResults.Ok(await compute(day));
    }
}
