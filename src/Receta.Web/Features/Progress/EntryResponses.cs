using Receta.Data.Goals;

namespace Receta.Web.Features.Progress;

public static class EntryResponses
{
    public static EntryResponse From(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Date, entry.Value, entry.Note, entry.CreatedAt);
    }
}
