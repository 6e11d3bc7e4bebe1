namespace Receta.Contracts;

/// <summary>An account: <c>timeZone</c> is an IANA zone name; the user's "today" is read in it.</summary>
public sealed record AccountResponse(Guid Id, string Email, string DisplayName, string TimeZone);
