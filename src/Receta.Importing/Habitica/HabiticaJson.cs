using System.Text.Json;

namespace Receta.Importing.Habitica;

/// <summary>Small pieces for reading the export's JSON and naming what was found instead.</summary>
internal static class HabiticaJson
{
    /// <summary>The text of a JSON string; false when its bytes are not valid UTF-8.</summary>
    public static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json transcodes strings only when asked; invalid UTF-8 surfaces here.
            text = "";
            return false;
        }
    }

    /// <summary>What a value is, for a message that says what was expected instead.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => ImportTexts.AnObject,
        JsonValueKind.Array => ImportTexts.AnArray,
        JsonValueKind.String => ImportTexts.Text,
        JsonValueKind.Number => ImportTexts.ANumber,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => ImportTexts.Nothing,
    };

    /// <summary>What the first token of a value makes it, as <see cref="Describe(JsonValueKind)"/> names it.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => ImportTexts.AnObject,
        JsonTokenType.StartArray => ImportTexts.AnArray,
        JsonTokenType.String => ImportTexts.Text,
        JsonTokenType.Number => ImportTexts.ANumber,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => ImportTexts.Nothing,
    };
}
