using System.Globalization;

namespace Receta.Importing;

/// <summary>
/// Fills in a text of <see cref="ImportTexts"/> (<c>Resources/ImportTexts.resx</c>, and its Spanish
/// twin). The text is looked up in the current UI culture and its arguments are formatted in the
/// current culture, so a reader's errors and warnings come out in the language of whoever runs it:
/// the web app runs an import in the language of the request that started it.
/// </summary>
internal static class ImportTextFormat
{
    public static string With(this string text, params ReadOnlySpan<object?> arguments) =>
        string.Format(CultureInfo.CurrentCulture, text, arguments);
}
