namespace Receta.Importing;

/// <summary>
/// What a reader may know of the importing account: its time zone, for turning the source's
/// instants into local dates, and the moment of the import.
/// </summary>
public sealed record ImportContext(TimeZoneInfo Zone, DateTimeOffset Now, CancellationToken CancellationToken = default)
{
    /// <summary>The local date of an instant in the importing user's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateOnly Today => LocalDate(Now);
}
