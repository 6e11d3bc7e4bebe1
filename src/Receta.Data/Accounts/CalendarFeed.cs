namespace Receta.Data.Accounts;

/// <summary>
/// An account's secret calendar feed address (<c>/calendar/{secret}.ics</c>); an account has at most
/// one. Only the SHA-256 of the secret is stored; the address is shown once. Making it again replaces
/// the secret, so the old address stops working at once.
/// </summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
