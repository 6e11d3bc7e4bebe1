namespace Receta.Contracts;

/// <summary>
/// An account: <c>timeZone</c> is an IANA zone name, the user's "today" is read in it;
/// <c>language</c> (<c>en</c>, <c>es</c>) is the one chosen for pages and clients, null until chosen.
/// </summary>
public sealed record AccountResponse(Guid Id, string Email, string DisplayName, string TimeZone, string? Language = null);
