namespace Receta.Web.Infrastructure;

/// <summary>
/// The writable fields of an item: read from it for a merge patch, validated, and written back.
/// Creation and change share these rules.
/// </summary>
public interface IWritableFields<TItem, TSelf>
    where TSelf : IWritableFields<TItem, TSelf>
{
    static abstract TSelf From(TItem item);

    /// <summary>Writes the fields onto <paramref name="item"/> when they are valid; otherwise leaves it as it was.</summary>
    Failure? TryApplyTo(TItem item);
}
