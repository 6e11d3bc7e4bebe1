namespace Receta.Contracts;

/// <summary>
/// An account: <c>timeZone</c> is an IANA zone name, the user's "today" is read in it;
/// <c>language</c> (<c>en</c>, <c>es</c>, <c>pt-BR</c>) is the one chosen for pages and clients, null until chosen;
/// <c>theme</c> (<c>light</c>, <c>dark</c>) the pages' colours, null to follow the device.
/// </summary>
public sealed record AccountResponse(Guid Id, string Email, string DisplayName, string TimeZone, string? Language = null, string? Theme = null);
