namespace Receta.Data.Accounts;

/// <summary>
/// A signed-in browser session. The cookie names the session; signing out, changing the password or
/// removing the account deletes it here, so the cookie stops working on the next request.
/// </summary>
public sealed class UserSession
{
    public Guid UserId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The absolute end of the session, however active it is.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
