namespace Receta.Contracts;

/// <summary>A list that is never paged: <c>{ items }</c>.</summary>
public sealed record ItemList<T>(IReadOnlyList<T> Items);
