namespace Receta.Contracts;

/// <summary>A personal access token as listed: never its secret.</summary>
public sealed record TokenResponse(Guid Id, string Name, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt);
