namespace Receta.Data.Goals;

/// <summary>An item that may have come from another app's file, and then remembers which item of it.</summary>
public interface IImported
{
    /// <summary>Longer keys are stored by their hash.</summary>
    const int MaxKeyLength = 200;

    /// <summary>The import format and the source's own key (<c>loop-db:2f0c…</c>); null for items made in Receta.</summary>
    string? ImportKey { get; set; }
}
