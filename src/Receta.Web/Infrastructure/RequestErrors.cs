using System.Globalization;

namespace Receta.Web.Infrastructure;

/// <summary>
/// Collects validation errors by field while reading a request, and applies the API's limits
/// (api.md "Limits") in one place: trimmed titles of 1–200 characters, texts up to 10,000,
/// dates from 1900-01-01 to 2999-12-31, finite numbers within ±1e12.
/// </summary>
public sealed class RequestErrors
{
    public const int MaxTitleLength = ApiLimits.MaxTitleLength;
    public const int MaxTextLength = ApiLimits.MaxTextLength;
    public const double MaxMagnitude = ApiLimits.MaxMagnitude;
    public static readonly DateOnly EarliestDate = ApiLimits.EarliestDate;
    public static readonly DateOnly LatestDate = ApiLimits.LatestDate;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public Failure ToFailure() =>
        new InvalidFailure(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    /// <summary>A required title or name: trimmed, 1–200 characters.</summary>
    public string Title(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, $"'{field}' is required.");
            return "";
        }
        if (trimmed.Length > MaxTitleLength)
        {
            Add(field, $"'{field}' must be at most {MaxTitleLength} characters.");
        }
        return trimmed;
    }

    /// <summary>An optional free text (note, purpose, feedback, lesson): up to 10,000 characters; blank becomes null.</summary>
    public string? Text(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Length > MaxTextLength)
        {
            Add(field, $"'{field}' must be at most {MaxTextLength:N0} characters.");
        }
        return value;
    }

    public DateOnly Date(DateOnly? value, string field)
    {
        if (value is not { } date)
        {
            Add(field, $"'{field}' is required.");
            return default;
        }
        return InRange(date, field);
    }

    public DateOnly? OptionalDate(DateOnly? value, string field) => value is { } date ? InRange(date, field) : null;

    public double Number(double? value, string field, double min = -MaxMagnitude, double max = MaxMagnitude)
    {
        if (value is not { } number)
        {
            Add(field, $"'{field}' is required.");
            return 0;
        }
        return InRange(number, field, min, max);
    }

    public double? OptionalNumber(double? value, string field, double min = -MaxMagnitude, double max = MaxMagnitude) =>
        value is { } number ? InRange(number, field, min, max) : null;

    public int WholeNumber(int? value, string field, int min, int max)
    {
        if (value is not { } number)
        {
            Add(field, $"'{field}' is required.");
            return min;
        }
        if (number < min || number > max)
        {
            Add(field, $"'{field}' must be from {min} to {max}.");
        }
        return number;
    }

    public T Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            Add(field, $"'{field}' is required.");
        }
        return value.GetValueOrDefault();
    }

    /// <summary>An optional query-string date such as <c>asOf</c>, <c>from</c> or <c>to</c>.</summary>
    public DateOnly? QueryDate(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, $"'{field}' must be a date written YYYY-MM-DD.");
            return null;
        }
        return InRange(date, field);
    }

    private DateOnly InRange(DateOnly date, string field)
    {
        if (date < EarliestDate || date > LatestDate)
        {
            Add(field, $"'{field}' must be from 1900-01-01 to 2999-12-31.");
        }
        return date;
    }

    private double InRange(double number, string field, double min, double max)
    {
        if (!double.IsFinite(number) || number < min || number > max)
        {
            Add(field, $"'{field}' must be a finite number from {min:G} to {max:G}.");
        }
        return number;
    }
}
