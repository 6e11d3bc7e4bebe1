namespace Receta.Contracts;

/// <summary>A cheer, with its author.</summary>
public sealed record CheerResponse(Guid Id, string Message, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt);
