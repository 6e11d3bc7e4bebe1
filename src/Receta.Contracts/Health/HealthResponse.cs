namespace Receta.Contracts;

/// <summary><c>{ "status": "ok" }</c> when the database answers.</summary>
public sealed record HealthResponse(string Status);
