using System.Globalization;
using Receta.Contracts;

namespace Receta.Importing;

/// <summary>
/// The limits every reader holds the source's values to, the same as the API's for what a client
/// sends (api.md, Conventions): a date outside them or a number past ±1e12 is an error; a title or
/// note that is too long is cut, with a warning.
/// </summary>
public static class ImportRules
{
    public const int MaxTitleLength = ApiLimits.MaxTitleLength;
    public const int MaxTextLength = ApiLimits.MaxTextLength;
    public const double MaxMagnitude = ApiLimits.MaxMagnitude;
    public const int MaxHabitPeriodDays = ApiLimits.MaxHabitPeriodDays;
    public const int MaxWorkMinutes = ApiLimits.MaxWorkMinutes;
    public static readonly DateOnly EarliestDate = ApiLimits.EarliestDate;
    public static readonly DateOnly LatestDate = ApiLimits.LatestDate;

    /// <summary>True when <paramref name="date"/> is from 1900 to 2999; otherwise an error at <paramref name="where"/>.</summary>
    public static bool CheckDate(DateOnly date, string where, ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (date >= EarliestDate && date <= LatestDate)
        {
            return true;
        }
        problems.Error(where, ImportTexts.DateOutsideRange.With(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return false;
    }

    /// <summary>True when <paramref name="value"/> is finite and within ±1e12; otherwise an error at <paramref name="where"/>.</summary>
    public static bool CheckValue(double value, string where, ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude)
        {
            return true;
        }
        problems.Error(where, ImportTexts.ValueOutsideRange.With(value));
        return false;
    }

    /// <summary>A title trimmed and cut to 200 characters; <paramref name="fallback"/> when it is blank.</summary>
    public static string Title(string? text, string fallback, ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return fallback;
        }
        if (trimmed.Length <= MaxTitleLength)
        {
            return trimmed;
        }
        problems.Warn(ImportTexts.TitlesCut.With(MaxTitleLength));
        return Cut(trimmed, MaxTitleLength);
    }

    /// <summary>A note trimmed and cut to 10,000 characters; null when blank.</summary>
    public static string? Note(string? text, ImportProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length <= MaxTextLength)
        {
            return trimmed;
        }
        problems.Warn(ImportTexts.NotesCut.With(MaxTextLength));
        return Cut(trimmed, MaxTextLength);
    }

    // A cut never splits a surrogate pair, so the text stays valid UTF-16 (and UTF-8 when stored).
    private static string Cut(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
