using Receta.Data;
using Receta.Data.Accounts;

namespace Receta.Web.Infrastructure;

/// <summary>The actions the audit log records; stable names that clients may filter on.</summary>
public static class AuditActions
{
    public const string SignIn = "signIn";
    public const string SignInFailed = "signInFailed";
    public const string SignOut = "signOut";
    public const string TokenCreated = "tokenCreated";
    public const string TokenRevoked = "tokenRevoked";
    public const string PasswordChanged = "passwordChanged";
    public const string TwoFactorEnabled = "twoFactorEnabled";
    public const string TwoFactorDisabled = "twoFactorDisabled";
    public const string RecoveryCodeUsed = "recoveryCodeUsed";
    public const string RecoveryCodesReplaced = "recoveryCodesReplaced";
    public const string CalendarFeedCreated = "calendarFeedCreated";
    public const string CalendarFeedRevoked = "calendarFeedRevoked";
    public const string WebhookCreated = "webhookCreated";
    public const string WebhookRemoved = "webhookRemoved";
    public const string WebhookDisabled = "webhookDisabled";
}

/// <summary>
/// Writes <see cref="AuditEvent"/> rows: what happened to an account, when, and from which address.
/// A detail names things (a token's name, a role, how one signed in) and never holds a secret: no
/// password, token, code or key is ever passed here.
/// </summary>
public sealed class AuditLog(RecetaDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    private const int MaxDetailLength = 1000;
    private const int MaxAddressLength = 64;

    /// <summary>Records an event and saves it at once, with any other change pending on the context.</summary>
    public async Task RecordAsync(Guid userId, string action, string? detail = null, Guid? goalId = null)
    {
        Add(userId, action, detail, goalId);
        await db.SaveChangesAsync();
    }

    /// <summary>Stages an event to be saved with the caller's next <c>SaveChangesAsync</c>, in the same transaction.</summary>
    public AuditEvent Add(Guid userId, string action, string? detail = null, Guid? goalId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        var now = clock.GetUtcNow();
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var audit = new AuditEvent
        {
            UserId = userId,
            Id = Guid.CreateVersion7(now),
            At = now,
            Action = action,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
            GoalId = goalId,
            IpAddress = address is { Length: > MaxAddressLength } ? address[..MaxAddressLength] : address,
        };
        db.AuditEvents.Add(audit);
        return audit;
    }
}
