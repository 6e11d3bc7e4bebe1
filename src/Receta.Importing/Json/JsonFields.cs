using System.Globalization;
using System.Text.Json;

namespace Receta.Importing.Json;

/// <summary>
/// The fields of one JSON object, read with their types checked: a field of the wrong type is an
/// error naming <see cref="Where"/> and the field, and the getter answers false. An absent field and
/// a JSON null read the same: as missing.
/// </summary>
internal readonly struct JsonFields
{
    private static readonly string[] UtcTimeFormats = ["yyyyMMdd'T'HHmmss'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    private readonly JsonElement value;
    private readonly ImportProblems problems;

    private JsonFields(JsonElement value, string where, ImportProblems problems)
    {
        this.value = value;
        Where = where;
        this.problems = problems;
    }

    /// <summary>The object's place, e.g. <c>line 4, task 3</c>.</summary>
    public string Where { get; }

    /// <summary>The fields of <paramref name="value"/>, or false (and an error) when it is not an object.</summary>
    public static bool TryOpen(JsonElement value, string where, ImportProblems problems, out JsonFields fields)
    {
        ArgumentNullException.ThrowIfNull(problems);
        fields = new JsonFields(value, where, problems);
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        problems.Error(where, ImportTexts.ExpectedObject.With(Describe(value)));
        return false;
    }

    public string At(string field) => $"{Where}, {field}";

    public void Error(string field, string message) => problems.Error(At(field), message);

    /// <summary>The field's value when present and not null.</summary>
    public bool Has(string field, out JsonElement element) =>
        value.TryGetProperty(field, out element) && element.ValueKind != JsonValueKind.Null;

    public bool TryGetString(string field, out string? text)
    {
        text = null;
        return !Has(field, out var element) || TryReadString(element, At(field), problems, out text);
    }

    public bool TryGetRequiredString(string field, out string text)
    {
        text = "";
        if (!Has(field, out var element))
        {
            Error(field, ImportTexts.FieldMissing);
            return false;
        }
        if (!TryReadString(element, At(field), problems, out var read))
        {
            return false;
        }
        text = read;
        return true;
    }

    public bool TryGetNumber(string field, out double? number)
    {
        number = null;
        if (!Has(field, out var element))
        {
            return true;
        }
        if (!TryReadNumber(element, At(field), problems, out var read))
        {
            return false;
        }
        number = read;
        return true;
    }

    public bool TryGetRequiredNumber(string field, out double number)
    {
        number = 0;
        if (!TryGetNumber(field, out var read))
        {
            return false;
        }
        if (read is not { } found)
        {
            Error(field, ImportTexts.FieldMissing);
            return false;
        }
        number = found;
        return true;
    }

    /// <summary>A boolean field; false when absent.</summary>
    public bool TryGetBoolean(string field, out bool flag)
    {
        flag = false;
        if (!Has(field, out var element))
        {
            return true;
        }
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(field, ImportTexts.ExpectedBoolean.With(Describe(element)));
            return false;
        }
        flag = element.GetBoolean();
        return true;
    }

    /// <summary>An array field; <paramref name="array"/> is null when absent.</summary>
    public bool TryGetArray(string field, out JsonElement? array)
    {
        array = null;
        if (!Has(field, out var element))
        {
            return true;
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(field, ImportTexts.ExpectedArray.With(Describe(element)));
            return false;
        }
        array = element;
        return true;
    }

    /// <summary>
    /// A time written as Taskwarrior and Timewarrior write every time: UTC in ISO 8601's basic form,
    /// <c>20250320T090000Z</c>; the extended form <c>2025-03-20T09:00:00Z</c> is taken too.
    /// </summary>
    public bool TryGetUtcTime(string field, out DateTimeOffset? instant)
    {
        instant = null;
        if (!TryGetString(field, out var text))
        {
            return false;
        }
        if (text is null)
        {
            return true;
        }
        if (!DateTimeOffset.TryParseExact(text, UtcTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            Error(field, ImportTexts.NotUtcTime.With(Shorten(text)));
            return false;
        }
        instant = parsed;
        return true;
    }

    public static bool TryReadString(JsonElement element, string where, ImportProblems problems, out string text)
    {
        ArgumentNullException.ThrowIfNull(problems);
        text = "";
        if (element.ValueKind != JsonValueKind.String)
        {
            problems.Error(where, ImportTexts.ExpectedString.With(Describe(element)));
            return false;
        }
        try
        {
            text = element.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            problems.Error(where, ImportTexts.StringNotUtf8);
            return false;
        }
    }

    public static bool TryReadNumber(JsonElement element, string where, ImportProblems problems, out double number)
    {
        ArgumentNullException.ThrowIfNull(problems);
        number = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            problems.Error(where, ImportTexts.ExpectedNumber.With(Describe(element)));
            return false;
        }
        if (!element.TryGetDouble(out number))
        {
            problems.Error(where, ImportTexts.NumberOutOfRange);
            return false;
        }
        return ImportRules.CheckValue(number, where, problems);
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ImportTexts.AnObject,
        JsonValueKind.Array => ImportTexts.AnArray,
        JsonValueKind.String => ImportTexts.AString,
        JsonValueKind.Number => ImportTexts.ANumber,
        JsonValueKind.True or JsonValueKind.False => ImportTexts.ABoolean,
        JsonValueKind.Null => "null",
        _ => ImportTexts.Nothing,
    };

    /// <summary>Source text quoted in a message, cut so that a hostile file cannot make the message huge.</summary>
    public static string Shorten(string text) =>
        text.Length <= 40 ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[39]) ? 39 : 40), "…");
}
