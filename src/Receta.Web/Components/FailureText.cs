using Microsoft.Extensions.Localization;
using Receta.Web.Infrastructure;

namespace Receta.Web.Components;

/// <summary>
/// Puts a handler's failure in the page's language. The handlers speak English to the API; a page
/// names each field's error and each kind of failure in its resource file: <c>Error_{field}</c>
/// (e.g. <c>Error_email</c>), <c>Error_NotFound</c>, <c>Error_Conflict</c>, <c>Error_Unauthorized</c>,
/// <c>Error_TooManyRequests</c>, <c>Error_TooLarge</c>, <c>Error_Forbidden</c>, <c>Error_SecondFactor</c>.
/// </summary>
public static class FailureText
{
    /// <summary>The messages by field; a failure that concerns no field is under the empty name.</summary>
    public static Dictionary<string, string> Describe(Failure failure, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(localizer);
        return failure switch
        {
            InvalidFailure invalid => invalid.Errors.Keys.ToDictionary(field => field, field => localizer[$"Error_{field}"].Value, StringComparer.Ordinal),
            NotFoundFailure => General(localizer["Error_NotFound"]),
            ConflictFailure => General(localizer["Error_Conflict"]),
            UnauthorizedFailure => General(localizer["Error_Unauthorized"]),
            TooManyRequestsFailure => General(localizer["Error_TooManyRequests"]),
            TooLargeFailure => General(localizer["Error_TooLarge"]),
            SecondFactorRequiredFailure => General(localizer["Error_SecondFactor"]),
            _ => General(localizer["Error_Forbidden"]),
        };
    }

    private static Dictionary<string, string> General(string message) => new(StringComparer.Ordinal) { [""] = message };
}
