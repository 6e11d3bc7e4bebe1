using System.ComponentModel.DataAnnotations;

namespace Receta.Contracts;

/// <summary>Starts two-factor setup, confirmed with the password.</summary>
public sealed record StartTwoFactorRequest([property: StringLength(ApiLimits.MaxPasswordLength)] string? Password);
