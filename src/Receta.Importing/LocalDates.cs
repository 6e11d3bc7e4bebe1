namespace Receta.Importing;

/// <summary>Instants of a source turned into the importing user's local dates, held to the import's date limits.</summary>
internal static class LocalDates
{
    /// <summary>
    /// The local date of <paramref name="instant"/>, or false with an error at <paramref name="where"/>
    /// when it falls outside 1900–2999. The UTC date is checked first so that the zone's conversion
    /// never meets an instant near the ends of <see cref="DateTimeOffset"/>'s range.
    /// </summary>
    public static bool TryGet(ImportContext context, DateTimeOffset instant, string where, ImportProblems problems, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(context);
        date = DateOnly.FromDateTime(instant.UtcDateTime);
        if (!ImportRules.CheckDate(date, where, problems))
        {
            return false;
        }
        date = context.LocalDate(instant);
        return ImportRules.CheckDate(date, where, problems);
    }
}
