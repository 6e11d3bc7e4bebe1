namespace Receta.Data.Sharding;

/// <summary>
/// Which owner holds the item a request names by its id alone: a goal (<c>/goals/{goalId}</c>) or a
/// circle invitation (<c>/invitations/{id}</c>). Owner data is read by its owner (docs/adr/0014), and
/// these ids come without one. An id names one owner's item for life, so a route never changes;
/// it grants nothing either: the item is then read by owner and id, and may no longer exist.
/// </summary>
public sealed class IdRoute
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
}

/// <summary>
/// Which account a secret belongs to, by its SHA-256: a personal access token or a calendar feed's
/// address. Like <see cref="IdRoute"/>, it never changes and grants nothing: the token or feed is then
/// read by its account and hash, and a revoked one is not found.
/// </summary>
public sealed class SecretRoute
{
    public required byte[] SecretHash { get; set; }
    public Guid UserId { get; set; }
}
