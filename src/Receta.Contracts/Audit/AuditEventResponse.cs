namespace Receta.Contracts;

/// <summary>One security-relevant event of the account: a sign-in, a token created, a role changed.</summary>
public sealed record AuditEventResponse(Guid Id, DateTimeOffset At, string Action, string? Detail, Guid? GoalId, string? IpAddress);
