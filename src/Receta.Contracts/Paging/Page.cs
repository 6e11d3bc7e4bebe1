namespace Receta.Contracts;

/// <summary>A page of a list, oldest first: <c>{ items, nextCursor }</c>; <c>nextCursor</c> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
