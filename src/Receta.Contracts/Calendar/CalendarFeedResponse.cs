namespace Receta.Contracts;

/// <summary>Whether the account has a calendar feed address, and since when; never the address itself.</summary>
public sealed record CalendarFeedResponse(bool Exists, DateTimeOffset? CreatedAt);
