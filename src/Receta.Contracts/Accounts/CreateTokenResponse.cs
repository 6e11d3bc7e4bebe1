namespace Receta.Contracts;

/// <summary>A token just created; <c>token</c> is shown this once.</summary>
public sealed record CreateTokenResponse(Guid Id, string Name, string Scope, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
