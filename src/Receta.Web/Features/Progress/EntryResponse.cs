using Receta.Data.Goals;

namespace Receta.Web.Features.Progress;

public sealed record EntryResponse(Guid Id, DateOnly Date, double? Value, string? Note, DateTimeOffset CreatedAt)
{
    public static EntryResponse From(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Date, entry.Value, entry.Note, entry.CreatedAt);
    }
}
