namespace Receta.Importing;

/// <summary>
/// What went wrong or was left out while reading. Errors fail the import (only the first
/// <see cref="MaxErrors"/> are kept, each naming its place); ignored items are counted and
/// explained once per kind; warnings tell what was read differently from the source.
/// </summary>
/// <remarks>
/// The texts are in the language of the thread's current UI culture (numbers in its current
/// culture) when they are recorded, and the counts of <see cref="Warnings"/> when it is read: the
/// web app runs an import in the language of the request that started it and stores them so.
/// </remarks>
public sealed class ImportProblems
{
    public const int MaxErrors = 20;

    /// <summary>At most this many warnings are told; a file with more kinds of trouble says so in the last one.</summary>
    public const int MaxWarnings = 100;

    private readonly List<ImportError> errors = [];
    private readonly Dictionary<string, int> ignoredByReason = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> warningsByText = new(StringComparer.Ordinal);

    public IReadOnlyList<ImportError> Errors => errors;

    /// <summary>Every error met, also those past the first <see cref="MaxErrors"/>.</summary>
    public int ErrorCount { get; private set; }

    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many items of the file were left out on purpose (Loop's derived days, a running interval, …).</summary>
    public int Ignored { get; private set; }

    /// <summary>One line for each kind of ignored item and each warning, with how often it happened.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var all = ignoredByReason.Select(pair => $"{pair.Key} ({Times(pair.Value)})")
                .Concat(warningsByText.Select(pair => pair.Value == 1 ? pair.Key : $"{pair.Key} ({Times(pair.Value)})"))
                .ToList();
            return all.Count <= MaxWarnings
                ? all
                : [.. all.Take(MaxWarnings - 1), ImportTexts.MoreWarnings.With(all.Count - (MaxWarnings - 1))];
        }
    }

    /// <summary>Records an error; <paramref name="where"/> names the place: file, line or record, and field, e.g. <c>002 Run/Checkmarks.csv, line 4, Value</c>.</summary>
    public void Error(string where, string message)
    {
        ErrorCount++;
        if (errors.Count < MaxErrors)
        {
            errors.Add(new ImportError(where, message));
        }
    }

    /// <summary>Counts one item left out; <paramref name="reason"/> names the kind and why, the same text for every item of that kind.</summary>
    public void Ignore(string reason)
    {
        Ignored++;
        ignoredByReason[reason] = ignoredByReason.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Says that something was read differently from the source; the same text is told once, with a count.</summary>
    public void Warn(string text) => warningsByText[text] = warningsByText.GetValueOrDefault(text) + 1;

    private static string Times(int count) => count == 1 ? ImportTexts.TimesOne : ImportTexts.TimesMany.With(count);
}

/// <summary>An error of the file: <see cref="Where"/> names file, line or record, and field.</summary>
public sealed record ImportError(string Where, string Message);
