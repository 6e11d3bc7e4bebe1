namespace Receta.Contracts;

/// <summary>A break of a goal: the days <c>from</c> to <c>to</c>, both included.</summary>
public sealed record BreakResponse(Guid Id, DateOnly From, DateOnly To, string? Note, DateTimeOffset CreatedAt);
