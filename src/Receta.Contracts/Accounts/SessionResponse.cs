namespace Receta.Contracts;

/// <summary>A signed-in browser session.</summary>
public sealed record SessionResponse(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
