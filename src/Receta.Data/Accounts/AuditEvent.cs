namespace Receta.Data.Accounts;

/// <summary>
/// Something security-relevant that happened to an account: a sign-in, a token or circle change.
/// Readable by that account. Never holds a secret (no password, token or code).
/// </summary>
public sealed class AuditEvent
{
    public Guid UserId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>What happened, e.g. <c>signIn</c>, <c>signInFailed</c>, <c>tokenCreated</c>, <c>circleInvited</c>.</summary>
    public required string Action { get; set; }

    public string? Detail { get; set; }
    public Guid? GoalId { get; set; }
    public string? IpAddress { get; set; }
}
