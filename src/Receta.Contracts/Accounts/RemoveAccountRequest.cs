using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>Removes the account and everything it owns, confirmed with the password.</summary>
public sealed record RemoveAccountRequest([property: StringLength(ApiLimits.MaxPasswordLength)] string? Password);
