using System.Globalization;

namespace Receta.Cli;

/// <summary>The <c>--date</c> option: <c>YYYY-MM-DD</c>, <c>today</c> or <c>yesterday</c> (also <c>hoy</c>, <c>ayer</c>; <c>hoje</c>, <c>ontem</c>); today when absent.</summary>
public static class Dates
{
    /// <param name="text">The date as typed.</param>
    /// <param name="today">Today in the account's time zone.</param>
    /// <param name="name">What the date is, for the error: the option or argument it was given in.</param>
    public static DateOnly Parse(string? text, DateOnly today, string name = "--date") => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "today" or "hoy" or "hoje" => today,
        "yesterday" or "ayer" or "ontem" => today.AddDays(-1),
        var day when DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => throw CommandFailedException.Usage($"{name}: '{text}' is not a date (YYYY-MM-DD, today or yesterday)."),
    };

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
