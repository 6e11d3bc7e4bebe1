using System.Globalization;
using Microsoft.AspNetCore.Components;
using Receta.Core.Circle;
using Receta.Web.Infrastructure;

namespace Receta.Web.Features.Goals;

/// <summary>
/// How a form of the goal page makes a change: the caller's role is checked against the action
/// (a forged post from a role without it is refused with 403), the handler runs in the goal's write
/// transaction as an API change would, and on success the browser is sent back to the page (a GET,
/// so reloading never posts twice). A refusal is shown beside the form (<see cref="Receta.Web.Components.FailureText"/>) with the answer's status.
/// </summary>
public static class GoalForm
{
    /// <summary>The failure, with the answer's status set to match; null when the change was saved.</summary>
    public static async Task<Failure?> SubmitAsync<T>(
        HttpContext http, GoalScope scope, GoalAction action, Func<Task<Outcome<T>>> change)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(change);
        if (!CirclePolicy.Allows(scope.Role, action))
        {
            return Refuse(http, Failure.Forbidden("Your role on this goal does not allow this."));
        }
        var writer = http.RequestServices.GetRequiredService<GoalWriter>();
        var (locked, outcome) = await writer.RunAsync(scope, async () =>
        {
            var result = await change();
            return (result, result.Succeeded);
        }, http.RequestAborted);
        if (!locked)
        {
            return Refuse(http, Failure.NotFound("goal"));
        }
        return outcome.Failure is { } failure ? Refuse(http, failure) : null;
    }

    /// <summary>A field that could not be read (a date or number that does not parse): invalid, as the API would say.</summary>
    public static Failure Unreadable(HttpContext http, string field) => Refuse(http, Failure.Invalid(field, $"'{field}' could not be read."));

    /// <summary>A confirmation the form asks for (a box to tick before deleting) that was not given: invalid, and nothing runs.</summary>
    public static Failure Unconfirmed(HttpContext http, string field) => Refuse(http, Failure.Invalid(field, $"'{field}' must be confirmed."));

    private static Failure Refuse(HttpContext http, Failure failure)
    {
        http.Response.StatusCode = failure.StatusCode();
        return failure;
    }

    /// <summary>Back to the page the form was on (its look-back day kept), at the section's anchor.</summary>
    public static void ReturnTo(NavigationManager navigation, string anchor)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        navigation.NavigateTo(navigation.Uri.Split('#')[0] + "#" + anchor);
    }

    /// <summary>A <c>yyyy-MM-dd</c> value of a date input; null when blank; false when it does not parse.</summary>
    public static bool TryReadDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A number input's value (always written with a dot, whatever the page's language); null when blank.</summary>
    public static bool TryReadNumber(string? text, out double? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A whole-number input's value; null when blank; false when it is not a whole number an <see cref="int"/> holds.</summary>
    public static bool TryReadWholeNumber(string? text, out int? number)
    {
        number = null;
        if (!TryReadNumber(text, out var value))
        {
            return false;
        }
        if (value is not { } v)
        {
            return true;
        }
        if (v != Math.Floor(v) || Math.Abs(v) > int.MaxValue)
        {
            return false;
        }
        number = (int)v;
        return true;
    }

    /// <summary>A date as a date input writes it.</summary>
    public static string InputDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number as a number input writes it (with a dot, whatever the page's language); blank for none.</summary>
    public static string InputNumber(double? number) => number?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
