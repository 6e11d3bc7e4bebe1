namespace Receta.Contracts;

/// <summary>An entry of a goal's measure.</summary>
public sealed record EntryResponse(Guid Id, DateOnly Date, double? Value, string? Note, DateTimeOffset CreatedAt);
